package com.crosspoint.media.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A party's session description as the other party must see it when the appliance relays their audio: the first
 * audio stream points at the relay's port pair, everything else that would let media go around the relay is taken
 * out. Rewritten line by line so that every attribute the appliance does not interpret (codecs' fmtp, rtcp-mux,
 * ptime, vendor lines) reaches the other phone unchanged.
 * <ul>
 *   <li>{@code c=} lines name the relay's address; the hold address {@code 0.0.0.0} stays, so hold keeps meaning
 *       hold;</li>
 *   <li>the first audio {@code m=} line carries the relay's RTP port, its {@code a=rtcp} the relay's RTCP port;</li>
 *   <li>other streams (video, a second audio) are disabled with port 0: the relay carries one audio stream and a
 *       stream around it could not cross the NAT anyway;</li>
 *   <li>ICE lines go: candidates name the phone's own addresses, which are exactly what the relay replaces.</li>
 * </ul>
 */
public final class RelayedSdp {
    private static final Pattern LINE_END = Pattern.compile("\r?\n");
    private static final int MAX_LENGTH = 16 * 1024;

    private RelayedSdp() {
    }

    /**
     * {@code sdp} with its audio pointed at {@code relayRtp} (and {@code relayRtcpPort}); null when {@code sdp} has
     * no audio stream to point there, so a caller never sends a description that still names the far phone.
     */
    public static byte[] pointedAt(byte[] sdp, InetSocketAddress relayRtp, int relayRtcpPort) {
        if (sdp == null || sdp.length == 0 || sdp.length > MAX_LENGTH) {
            return null;
        }
        InetAddress host = relayRtp.getAddress();
        String connection = "c=IN " + (host.getAddress().length == 4 ? "IP4 " : "IP6 ") + host.getHostAddress();
        String[] lines = LINE_END.split(new String(sdp, StandardCharsets.UTF_8), -1);
        StringBuilder out = new StringBuilder(sdp.length + 64);
        boolean audioDone = false;
        boolean inRelayed = false; // inside the audio section the relay carries
        boolean inDisabled = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                String[] f = line.split(" ", 3);
                if (f.length < 3) {
                    return null;
                }
                boolean audio = f[0].equals("m=audio") && !f[1].equals("0");
                inRelayed = audio && !audioDone;
                inDisabled = !inRelayed;
                if (inRelayed) {
                    audioDone = true;
                    line = f[0] + " " + relayRtp.getPort() + " " + f[2];
                } else if (!f[1].equals("0")) {
                    line = f[0] + " 0 " + f[2];
                }
            } else if (line.startsWith("c=")) {
                if (inDisabled || line.endsWith(" 0.0.0.0")) {
                    out.append(line).append("\r\n");
                    continue;
                }
                line = connection;
            } else if (line.startsWith("a=rtcp:") && inRelayed) {
                line = "a=rtcp:" + relayRtcpPort;
            } else if (isIce(line)) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return audioDone ? out.toString().getBytes(StandardCharsets.UTF_8) : null;
    }

    private static boolean isIce(String line) {
        return line.startsWith("a=candidate:") || line.startsWith("a=ice-") || line.equals("a=end-of-candidates")
                || line.startsWith("a=remote-candidates");
    }
}
