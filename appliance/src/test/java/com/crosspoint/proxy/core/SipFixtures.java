package com.crosspoint.proxy.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hand-written SIP for the core's tests: a UAC's requests and a UAS's answers to what the proxy forwarded. */
final class SipFixtures {
    private static final Pattern HEADER = Pattern.compile("(?m)^(Via|v|From|f|To|t|Call-ID|i|CSeq|Record-Route):.*$");

    private SipFixtures() {
    }

    static String invite(String branch, String callId) {
        return request("INVITE", "sip:bob@127.0.0.1:5070", branch, callId, 1, "", "v=0\r\n");
    }

    static String request(String method, String uri, String branch, String callId, int cseq, String extra, String body) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5061;rport;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:5061>\r\n"
                + extra
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** A UAS's answer to a request it received: Vias, From, To (tagged above 100), Call-ID, CSeq, Record-Route echoed. */
    static String answer(String request, int status, String reason, String toTag) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        Matcher m = HEADER.matcher(request);
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group().replace("\r", ""));
        }
        for (String line : lines) {
            sb.append(line);
            if ((line.startsWith("To:") || line.startsWith("t:")) && status > 100 && !line.contains("tag=")) {
                sb.append(";tag=").append(toTag);
            }
            sb.append("\r\n");
        }
        return sb.append("Content-Length: 0\r\n\r\n").toString();
    }

    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*(.*?)\r?$").matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
