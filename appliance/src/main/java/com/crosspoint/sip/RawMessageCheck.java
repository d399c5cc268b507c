package com.crosspoint.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Syntax rules JAIN-SIP's parser is too lenient about, checked on the raw bytes before it parses
 * (RFC 4475 §3.1.2): a request line with extra spaces, escaped headers in the Request-URI, more
 * than one Content-Length, spaces inside {@code <>}, unquoted display names that are not tokens,
 * and a Contact with URI headers outside {@code <>}. Each one makes the message ambiguous, and a
 * B2BUA that guessed could act on a different message than the sender meant; it gets 400 instead.
 * Runs on every message, so it only looks at the start line and the few header lines it cares about.
 */
public final class RawMessageCheck {
    private RawMessageCheck() {
    }

    /** @throws ParseException naming the rule the message breaks */
    public static void check(byte[] message) throws ParseException {
        if (message.length >= 4 && message[0] == 'S' && message[1] == 'I' && message[2] == 'P' && message[3] == '/') {
            return; // responses: the parser's own checks suffice for what we do with them
        }
        // Stream transports hand over the header block with bare LF line ends; datagrams keep CRLF.
        int headerEnd = indexOf(message, "\r\n\r\n");
        if (headerEnd < 0) {
            headerEnd = indexOf(message, "\n\n");
        }
        int end = headerEnd < 0 ? message.length : headerEnd;
        List<String> lines = lines(new String(message, 0, end, StandardCharsets.ISO_8859_1));
        if (lines.isEmpty()) {
            return;
        }
        checkRequestLine(lines.get(0));
        int contentLengths = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || !isCheckedHeaderStart(line.charAt(0))) {
                continue; // most headers (Via, CSeq, Call-ID ...) are the parser's business: skip cheaply
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length", "l" -> {
                    if (++contentLengths > 1) {
                        throw new ParseException("More than one Content-Length", 0);
                    }
                }
                case "from", "f", "to", "t", "reply-to" -> checkNameAddr(name, unfold(lines, i, line.substring(colon + 1)), false);
                case "contact", "m", "route", "record-route" -> checkNameAddr(name, unfold(lines, i, line.substring(colon + 1)), true);
                default -> {
                    // not one of ours
                }
            }
        }
    }

    /** First letters of the headers checked here (long and compact forms). */
    private static boolean isCheckedHeaderStart(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'c', 'l', 'f', 't', 'r', 'm' -> true;
            default -> false;
        };
    }

    /** Splits on LF, dropping the CR of CRLF; no regex, as this runs for every message. */
    private static List<String> lines(String head) {
        List<String> out = new ArrayList<>(24);
        int start = 0;
        for (int i = 0; i <= head.length(); i++) {
            if (i == head.length() || head.charAt(i) == '\n') {
                int stop = i > start && head.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(head.substring(start, stop));
                start = i + 1;
            }
        }
        return out;
    }

    /** Whether a request's start line names SIP/2.0; JAIN-SIP's parser accepts any version. */
    public static boolean isSip20Request(byte[] message) {
        int eol = 0;
        while (eol < message.length && message[eol] != '\r' && message[eol] != '\n') {
            eol++;
        }
        String line = new String(message, 0, eol, StandardCharsets.ISO_8859_1);
        return line.startsWith("SIP/") || line.endsWith(" SIP/2.0");
    }

    private static void checkRequestLine(String line) throws ParseException {
        if (line.endsWith(" ") || line.endsWith("\t")) {
            throw new ParseException("Whitespace at the end of the request line", line.length());
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new ParseException("Request line must be Method SP Request-URI SP SIP-Version", 0);
        }
        if (parts[1].startsWith("<") || hasUriHeaders(parts[1])) {
            throw new ParseException("Request-URI must not carry headers or angle brackets", parts[0].length() + 1);
        }
    }

    /** Header values may be folded onto continuation lines (RFC 3261 §7.3.1). */
    private static String unfold(List<String> lines, int i, String first) {
        if (i + 1 >= lines.size() || lines.get(i + 1).isEmpty()
                || lines.get(i + 1).charAt(0) != ' ' && lines.get(i + 1).charAt(0) != '\t') {
            return first.trim();
        }
        StringBuilder sb = new StringBuilder(first);
        for (int j = i + 1; j < lines.size() && !lines.get(j).isEmpty()
                && (lines.get(j).charAt(0) == ' ' || lines.get(j).charAt(0) == '\t'); j++) {
            sb.append(' ').append(lines.get(j).trim());
        }
        return sb.toString().trim();
    }

    /**
     * name-addr rules: no LWS just inside {@code <} and {@code >}; a display name before {@code <}
     * is a quoted string or tokens; URI headers ({@code ?}) only inside {@code <>}.
     */
    private static void checkNameAddr(String header, String value, boolean list) throws ParseException {
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++; // quoted-pair: the next character is literal
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                String display = value.substring(start, i).trim();
                if (!display.isEmpty() && !display.startsWith("\"") && !isTokens(display)) {
                    throw new ParseException("Display name in " + header + " must be quoted", i);
                }
                int close = value.indexOf('>', i);
                if (close < 0) {
                    throw new ParseException("Unclosed < in " + header, i);
                }
                if (close == i + 1 || Character.isWhitespace(value.charAt(i + 1))
                        || Character.isWhitespace(value.charAt(close - 1))) {
                    throw new ParseException("Whitespace inside <> in " + header, i);
                }
                i = close;
            } else if (list && c == ',') {
                start = i + 1;
            } else if (c == '?' && hasUriHeaders(value.substring(start))) {
                throw new ParseException("URI headers in " + header + " need <>", i);
            }
        }
    }

    /** A '?' after the host part starts URI headers; before the '@' it is a legal user character. */
    private static boolean hasUriHeaders(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sip:") && !lower.startsWith("sips:")) {
            return false;
        }
        return uri.substring(uri.lastIndexOf('@') + 1).contains("?");
    }

    private static boolean isTokens(String display) {
        for (int i = 0; i < display.length(); i++) {
            char c = display.charAt(i);
            boolean token = Character.isLetterOrDigit(c) || "-.!%*_+`'~ \t".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, String pattern) {
        byte[] p = pattern.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + p.length <= data.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (data[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
