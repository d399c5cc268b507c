package com.crosspoint.trunk;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the people of one tenant dial external numbers, and how those become E.164 ({@code +} country code and
 * national number, at most 15 digits, ITU-T E.164 §6). For example North America: country 1, international prefix
 * 011, national prefix 1, 10-digit national numbers, 7-digit local numbers in the area; the UK: country 44,
 * international prefix 00, national prefix 0, national numbers of varying length, no local dialling.
 *
 * @param countryCode         the tenant's own country code, digits ("1", "44")
 * @param internationalPrefix what is dialled before a country code ("011", "00"); a leading "+" always works
 * @param nationalPrefix      what is dialled before a national number ("1", "0"); empty when there is none
 * @param nationalLength      digits of a national number dialled without its prefix (10 in North America);
 *                            0 when national numbers need the national prefix
 * @param areaCode            put in front of a local number; empty when there is no local dialling
 * @param localLength         digits of a local number (7 in North America); 0 when there is no local dialling
 */
public record NumberPlan(String countryCode, String internationalPrefix, String nationalPrefix, int nationalLength,
                         String areaCode, int localLength) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]*");
    /** Visual separators people type or phones send with a number; nothing else is dropped. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    private static final int E164_MAX_DIGITS = 15;
    /** A country code and the shortest national numbers in use (some small countries have 4 to 5 digits). */
    private static final int E164_MIN_DIGITS = 6;

    public NumberPlan {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(internationalPrefix, "internationalPrefix");
        Objects.requireNonNull(nationalPrefix, "nationalPrefix");
        Objects.requireNonNull(areaCode, "areaCode");
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country code must be 1 to 3 digits, not starting with 0: " + countryCode);
        }
        if (internationalPrefix.isEmpty() || !DIGITS.matcher(internationalPrefix).matches()
                || !DIGITS.matcher(nationalPrefix).matches() || !DIGITS.matcher(areaCode).matches()) {
            throw new IllegalArgumentException("prefixes and area code are digits (international prefix required)");
        }
        if (nationalLength < 0 || localLength < 0 || (localLength > 0) != !areaCode.isEmpty()) {
            throw new IllegalArgumentException("local dialling needs both an area code and a local length");
        }
    }

    /** North America (NANP): +1, 011, 1, ten-digit numbers; local dialling off. */
    public static NumberPlan northAmerica() {
        return new NumberPlan("1", "011", "1", 10, "", 0);
    }

    /**
     * {@code dialled} as E.164 with its leading {@code +}; empty when it is not an external number in this plan
     * (too short, too long, not digits). Separators people type ({@code ( ) - . } and spaces) are ignored.
     */
    public Optional<String> toE164(String dialled) {
        String number = SEPARATORS.matcher(dialled).replaceAll("");
        String international;
        if (number.startsWith("+")) {
            international = number.substring(1);
        } else if (!DIGITS.matcher(number).matches() || number.isEmpty()) {
            return Optional.empty();
        } else if (number.startsWith(internationalPrefix)) {
            international = number.substring(internationalPrefix.length());
        } else if (!nationalPrefix.isEmpty() && number.startsWith(nationalPrefix)
                && (nationalLength == 0 || number.length() == nationalPrefix.length() + nationalLength)) {
            international = countryCode + number.substring(nationalPrefix.length());
        } else if (nationalLength > 0 && number.length() == nationalLength) {
            international = countryCode + number;
        } else if (localLength > 0 && number.length() == localLength) {
            international = countryCode + areaCode + number;
        } else {
            return Optional.empty();
        }
        if (!DIGITS.matcher(international).matches() || international.startsWith("0")
                || international.length() < E164_MIN_DIGITS || international.length() > E164_MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of("+" + international);
    }

    /** Whether {@code e164} (as {@link #toE164} gives it) is a number of another country. */
    public boolean isInternational(String e164) {
        return !e164.startsWith("+" + countryCode);
    }
}
