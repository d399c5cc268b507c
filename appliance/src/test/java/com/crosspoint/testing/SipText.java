package com.crosspoint.testing;

import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestHashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SIP text the hand-written test clients ({@link RawSipClient}, {@link RtpCaller}) build the same way. */
public final class SipText {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");

    private SipText() {
    }

    /** A fresh RFC 3261 Via branch. */
    public static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A request over UDP with {@code rport} (answers come back to the sending socket); {@code from}, {@code to} and
     * {@code contact} are whole header values; a body is sent as application/sdp unless the extra headers name
     * its Content-Type.
     */
    public static String request(String method, String requestUri, String viaHostPort, String branch, String from,
                                 String to, String callId, int cseq, String contact, List<String> extraHeaders,
                                 String body) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/UDP ").append(viaHostPort).append(";rport;branch=").append(branch).append("\r\n");
        sb.append("Max-Forwards: 70\r\n");
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Call-ID: ").append(callId).append("\r\n");
        sb.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        sb.append("Contact: ").append(contact).append("\r\n");
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean typed = extraHeaders.stream().anyMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13));
        if (content.length > 0 && !typed) {
            sb.append("Content-Type: application/sdp\r\n");
        }
        sb.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        if (body != null) {
            sb.append(body);
        }
        return sb.toString();
    }

    /** An MD5 digest answer to the challenge (RFC 7616 §3.4 with qop=auth). */
    public static String digest(String user, String password, String method, String uri, String challenge) {
        String nonce = find(NONCE, challenge);
        String realm = find(REALM, challenge);
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = DigestHashes.ha1(DigestAlgorithm.MD5, user, realm, password);
        String ha2 = DigestHashes.ha2(DigestAlgorithm.MD5, method, uri);
        String response = DigestHashes.response(DigestAlgorithm.MD5, ha1, nonce, "00000001", cnonce, "auth", ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce + "\", qop=auth, nc=00000001";
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text);
        }
        return m.group(1);
    }
}
