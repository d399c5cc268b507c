package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What a baresip phone heard, read while its call runs: its recording of the received audio cut into half-second
 * windows, each tested for the tones the test's phones send. A recording grows only while packets arrive, so the
 * order of its windows is the order of what was heard (a silence without packets leaves no windows). baresip 1.0
 * stops recording once a stream of its own was other than sendrecv (it held), so for a phone that held, the RTP
 * packets it reports in its RTCP events tell instead ({@link #received}).
 *
 * @param tones the tones to look for, each with the letter failure messages show for it ("A" for alice's 700 Hz)
 */
public record HeardAudio(Map<String, Double> tones) {
    public static final double WINDOW_SECONDS = 0.5;

    /** Waits until {@code phone}'s windows satisfy {@code condition}; the failure shows what it heard, window by window. */
    public void awaitHeard(BaresipPhone phone, String what, Duration wait, Predicate<List<AudioAnalysis>> condition) {
        try {
            org.awaitility.Awaitility.await(what).atMost(wait).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> condition.test(windows(phone)));
        } catch (ConditionTimeoutException e) {
            String log = phone.log();
            throw new AssertionError(what + " within " + wait + "; " + phone.name() + " heard (" + tones + ", per "
                    + WINDOW_SECONDS + " s): " + labels(windows(phone)) + "\nrecordings " + phone.recordings()
                    + "\n--- log tail ---\n" + log.substring(Math.max(0, log.length() - 4000)), e);
        }
    }

    /** One letter (or letters) per window: which of the tones it holds, "-" for none of them. */
    public String labels(List<AudioAnalysis> windows) {
        List<String> out = new ArrayList<>();
        for (AudioAnalysis w : windows) {
            StringBuilder l = new StringBuilder();
            tones.forEach((letter, hz) -> {
                if (w.containsTone(hz)) {
                    l.append(letter);
                }
            });
            out.add(l.length() == 0 ? "-" : l.toString());
        }
        return String.join(" ", out);
    }

    /** Half-second windows of the phone's current call's received audio (read while it is being written). */
    public static List<AudioAnalysis> windows(BaresipPhone phone) {
        List<Path> recordings = phone.recordings();
        if (recordings.isEmpty()) {
            return List.of();
        }
        try {
            return AudioAnalysis.read(recordings.get(recordings.size() - 1)).windows(WINDOW_SECONDS);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** Windows from index {@code from} on that hold {@code hz}. */
    public static int countFrom(List<AudioAnalysis> windows, int from, double hz) {
        int n = 0;
        for (int i = Math.max(0, from); i < windows.size(); i++) {
            if (windows.get(i).containsTone(hz)) {
                n++;
            }
        }
        return n;
    }

    public static int firstIndex(List<AudioAnalysis> windows, double hz) {
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).containsTone(hz)) {
                return i;
            }
        }
        return -1;
    }

    public static int lastIndex(List<AudioAnalysis> windows, double hz) {
        for (int i = windows.size() - 1; i >= 0; i--) {
            if (windows.get(i).containsTone(hz)) {
                return i;
            }
        }
        return -1;
    }

    /** RTP packets the phone last reported receiving (its latest CALL_RTCP event), 0 before the first one. */
    public static long received(BaresipPhone phone) {
        List<BaresipEvent> rtcp = phone.events().stream().filter(e -> e.isType("CALL_RTCP")).toList();
        return rtcp.isEmpty() ? 0 : rtcp.get(rtcp.size() - 1).json().path("rtcp_stats").path("rx").path("sent").asLong();
    }

    /** Waits until the phone reports two more seconds of received RTP than {@code before}, or a new source. */
    public static void awaitReceiving(BaresipPhone phone, String what, long before, Duration wait) {
        org.awaitility.Awaitility.await(what).atMost(wait).pollInterval(Duration.ofMillis(500))
                .until(() -> received(phone) >= before + 100 || received(phone) > 0 && received(phone) < before);
    }
}
