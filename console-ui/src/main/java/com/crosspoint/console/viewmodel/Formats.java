package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.CallMedia;
import com.crosspoint.console.client.CallQuality;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the console writes times, durations and call quality. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Formats() {
    }

    /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}; negative counts as zero. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** MOS with two decimals ({@code 4.37}); empty for a call without quality. */
    static final String NOT_ANCHORED = "not anchored";

    /** The MOS, or why there is none: "not anchored" when the phones talk directly; empty before the answer. */
    static String mos(CallQuality q, Boolean anchored) {
        if (q != null) {
            return String.format(Locale.ROOT, "%.2f", q.mos());
        }
        return Boolean.FALSE.equals(anchored) ? NOT_ANCHORED : "";
    }

    /**
     * How the audio travels, in a few words: "relayed · NAT: 1001, 1002", "direct · NAT: 1001" (a phone behind NAT
     * talking directly: the likely reason for silence), "appliance"; empty before anything is known.
     */
    static String media(CallMedia m) {
        if (m == null || m.route() == null) {
            return "";
        }
        String route = m.route().toLowerCase(Locale.ROOT);
        List<String> natted = m.parties().stream().filter(CallMedia.Party::behindNat).map(CallMedia.Party::party)
                .toList();
        return natted.isEmpty() ? route : route + " · NAT: " + String.join(", ", natted);
    }

    /** {@code Bob (1002)}, or the extension alone when no name is known. */
    static String party(String extension, String name) {
        return name == null || name.isBlank() ? orEmpty(extension) : name + " (" + orEmpty(extension) + ")";
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
