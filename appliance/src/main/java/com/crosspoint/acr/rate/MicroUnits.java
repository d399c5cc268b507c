package com.crosspoint.acr.rate;

/**
 * Decimal text to and from millionths of a currency unit, exactly: "0.0125" is 12,500. Money never passes through
 * a double, so a rate read from a deck is the rate the carrier wrote.
 */
public final class MicroUnits {
    public static final int DECIMALS = 6;
    private static final int MAX_WHOLE_DIGITS = 9;
    private static final long ONE = 1_000_000L;

    private MicroUnits() {
    }

    /**
     * Parses a non-negative decimal with at most 6 significant decimals and 9 whole digits ("12", "0.0125", ".5").
     *
     * @throws NumberFormatException with a message fit to show after the row number
     */
    public static long parse(CharSequence text) {
        int length = text.length();
        int point = -1;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                throw new NumberFormatException("is not a number");
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("is not a number");
        }
        int wholeEnd = point < 0 ? length : point;
        if (wholeEnd > MAX_WHOLE_DIGITS) {
            throw new NumberFormatException("is too large (at most " + MAX_WHOLE_DIGITS + " whole digits)");
        }
        long value = 0;
        for (int i = 0; i < wholeEnd; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        long fraction = 0;
        long scale = ONE;
        for (int i = wholeEnd + 1; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (scale == 1) {
                if (digit != 0) {
                    throw new NumberFormatException("has more than " + DECIMALS + " decimals");
                }
                continue;
            }
            scale /= 10;
            fraction += digit * scale;
        }
        return value * ONE + fraction;
    }

    /** The shortest decimal text of {@code micros}: 12,500 is "0.0125", 2,000,000 is "2". */
    public static String format(long micros) {
        if (micros < 0) {
            return "-" + format(-micros);
        }
        long whole = micros / ONE;
        long fraction = micros % ONE;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String decimals = Long.toString(fraction + ONE).substring(1);
        int end = decimals.length();
        while (decimals.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + decimals.substring(0, end);
    }
}
