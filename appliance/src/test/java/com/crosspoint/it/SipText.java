package com.crosspoint.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SIP as text over a stream (TLS tests that talk SIP from Java): framing by Content-Length, header values. */
final class SipText {
    private SipText() {
    }

    static void send(OutputStream out, String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One message off the stream: headers to the blank line, then Content-Length bytes. */
    static String readMessage(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + head);
            }
            if (head.length() == 0 && (c == '\r' || c == '\n')) {
                continue; // keep-alive CRLFs between messages
            }
            head.append((char) c);
        }
        List<String> length = values(head.toString(), "Content-Length");
        int body = length.isEmpty() ? 0 : Integer.parseInt(length.get(0));
        return head + new String(in.readNBytes(body), StandardCharsets.US_ASCII);
    }

    /** Every value of a header (comma-separated ones split where they separate name-addrs), in order. */
    static List<String> values(String message, String name) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$").matcher(message);
        while (m.find()) {
            for (String v : m.group(1).split(",\\s*(?=<)")) {
                found.add(v.trim());
            }
        }
        return found;
    }

    static String uriOf(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        return lt < 0 ? nameAddr : nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt));
    }
}
