package com.crosspoint.sip.b2bua;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code o=} line one party of a call sees in every session description we send it. RFC 3264 §8 wants a
 * party's later offers and answers to keep the first one's origin (user name, session id, address) with the
 * version raised whenever the description changed. A B2BUA breaks that when it hands a party descriptions from
 * different sources — the other phone's, then the appliance's own for music on hold, then a transfer target's —
 * and strict phones refuse or ignore such a re-INVITE. So each leg adopts the origin of the first description it
 * is sent and every later one is given that origin, with the version raised when anything else changed.
 * Bytes outside the {@code o=} line are passed on untouched. Used on the call's lane only.
 */
final class PresentedOrigin {
    private static final Pattern ORIGIN = Pattern.compile("(?m)^o=([^\r\n]*)");

    private String user;
    private String sessionId;
    private String address; // "IN IP4 192.0.2.1"
    private BigInteger version;
    private String lastWithoutOrigin;

    /** {@code sdp} as this party must see it; null and bodies without a well-formed {@code o=} line unchanged. */
    byte[] apply(byte[] sdp) {
        if (sdp == null || sdp.length == 0) {
            return sdp;
        }
        String text = new String(sdp, StandardCharsets.ISO_8859_1);
        Matcher m = ORIGIN.matcher(text);
        if (!m.find()) {
            return sdp;
        }
        String[] fields = m.group(1).trim().split(" +");
        if (fields.length != 6) {
            return sdp;
        }
        String withoutOrigin = text.substring(0, m.start()) + text.substring(m.end());
        if (user == null) {
            user = fields[0];
            sessionId = fields[1];
            version = parseVersion(fields[2]);
            address = fields[3] + " " + fields[4] + " " + fields[5];
            lastWithoutOrigin = withoutOrigin;
            return sdp;
        }
        if (!withoutOrigin.equals(lastWithoutOrigin)) {
            version = version.add(BigInteger.ONE);
            lastWithoutOrigin = withoutOrigin;
        }
        String origin = "o=" + user + " " + sessionId + " " + version + " " + address;
        return (text.substring(0, m.start()) + origin + text.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static BigInteger parseVersion(String field) {
        try {
            return new BigInteger(field);
        } catch (NumberFormatException e) {
            return BigInteger.ZERO; // not a number: ours count from 1
        }
    }
}
