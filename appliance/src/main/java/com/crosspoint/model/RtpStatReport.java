package com.crosspoint.model;

import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The media statistics a call's end carries in SIP: the {@code X-RTP-Stat} header on a BYE or on the 200 to a BYE
 * (docs/adr/0014). The value is {@code KEY=value} pairs separated by {@code ;} (some senders use {@code ,}), in the
 * family of AudioCodes' and Cisco's headers; keys this side does not know are skipped. Ours writes
 * {@code MOS} (1-4.5, the E-model estimate for the audio received), {@code PLR} (packets lost, percent),
 * {@code JI} (interarrival jitter, ms) and, when known, {@code RTT} (ms).
 */
public final class RtpStatReport {
    public static final String HEADER = "X-RTP-Stat";
    /** Longer values are not read: a report is a few dozen characters. */
    static final int MAX_LENGTH = 1024;
    private static final double MOS_MIN = 1;
    private static final double MOS_MAX = 5;

    private RtpStatReport() {
    }

    /** The header value for {@code quality}, the figures of the audio this side received. */
    public static String format(CallQualitySummary quality) {
        StringBuilder s = new StringBuilder(48);
        s.append("MOS=").append(decimal(quality.mos()))
                .append(";PLR=").append(decimal(quality.lossPercent()))
                .append(";JI=").append(decimal(quality.jitterMillis()));
        if (quality.rttMillis() != null) {
            s.append(";RTT=").append(decimal(quality.rttMillis()));
        }
        return s.toString();
    }

    /**
     * The MOS a report gives, empty when {@code value} is null, too long, has no MOS, names it twice, or gives one
     * that is not a number from 1 to 5. Never throws: the value comes from the network.
     */
    public static OptionalDouble mos(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return OptionalDouble.empty();
        }
        Set<String> seen = new HashSet<>();
        String mos = null;
        for (String pair : value.split("[;,]")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (!seen.add(key)) {
                if (key.equals("MOS")) {
                    return OptionalDouble.empty(); // which one is meant cannot be told
                }
                continue;
            }
            if (key.equals("MOS")) {
                mos = eq < 0 ? "" : pair.substring(eq + 1).trim();
            }
        }
        return mos == null ? OptionalDouble.empty() : parseMos(mos);
    }

    private static OptionalDouble parseMos(String text) {
        if (!text.matches("[0-9]{1,2}(\\.[0-9]{1,4})?")) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(text);
        return v >= MOS_MIN && v <= MOS_MAX ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
