package com.crosspoint.media.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 4566), reduced to what terminating a telephone call needs: origin, session-level
 * connection and direction, and the media sections. {@link #parse(String)} is strict about the lines it
 * interprets (each problem names the line) and ignores lines and attributes it does not.
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection, Direction direction,
                                 List<MediaDescription> media) {

    private static final int MAX_LENGTH = 16 * 1024;

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        media = List.copyOf(media);
    }

    /** The connection that applies to a media section: its own, else the session's (may be null if neither). */
    public Connection connectionOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** The direction that applies to a media section: its own, else the session's, else sendrecv. */
    public Direction directionOf(MediaDescription m) {
        if (m.direction() != null) {
            return m.direction();
        }
        return direction != null ? direction : Direction.SENDRECV;
    }

    /** Writes the description with CRLF line ends, as SIP bodies carry it. */
    public String format() {
        StringBuilder out = new StringBuilder(512);
        out.append("v=0\r\n").append(origin.line()).append("\r\n");
        out.append("s=").append(sessionName).append("\r\n");
        if (connection != null) {
            out.append(connection.line()).append("\r\n");
        }
        out.append("t=0 0\r\n");
        if (direction != null) {
            out.append("a=").append(direction.attribute()).append("\r\n");
        }
        media.forEach(m -> m.appendTo(out));
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    public static SessionDescription parse(byte[] body) throws SdpParseException {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Parses a description; CRLF or bare LF line ends. */
    public static SessionDescription parse(String text) throws SdpParseException {
        if (text == null || text.isBlank()) {
            throw new SdpParseException(0, "", "empty body");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SdpParseException(0, "", "longer than " + MAX_LENGTH + " characters");
        }
        String[] lines = text.split("\r?\n", -1);
        Parser parser = new Parser();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (i >= lines.length - 2 || lines[i + 1].isEmpty()) {
                    continue; // trailing line ends
                }
                throw new SdpParseException(i + 1, line, "empty line inside the description");
            }
            parser.line(i + 1, line);
        }
        return parser.finish();
    }

    /** Line-by-line state of one parse. */
    private static final class Parser {
        private boolean versionSeen;
        private Origin origin;
        private String sessionName;
        private Connection connection;
        private Direction direction;
        private final List<MediaDescription> media = new ArrayList<>();
        private Section current;

        void line(int number, String line) throws SdpParseException {
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpParseException(number, line, "not a <type>=<value> line");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!versionSeen) {
                if (type != 'v') {
                    throw new SdpParseException(number, line, "the first line must be v=0");
                }
                if (!value.equals("0")) {
                    throw new SdpParseException(number, line, "unsupported SDP version");
                }
                versionSeen = true;
                return;
            }
            switch (type) {
                case 'v' -> throw new SdpParseException(number, line, "second v= line");
                case 'o' -> origin(number, line, value);
                case 's' -> {
                    if (current == null) {
                        sessionName = value;
                    }
                }
                case 'c' -> {
                    Connection c = connection(number, line, value);
                    if (current == null) {
                        connection = c;
                    } else {
                        current.connection = c;
                    }
                }
                case 'm' -> {
                    closeSection();
                    current = mediaLine(number, line, value);
                }
                case 'a' -> attribute(number, line, value);
                default -> {
                    // t=, b=, i=, u=, e=, p=, r=, z=, k=: not needed to terminate a call
                }
            }
        }

        SessionDescription finish() throws SdpParseException {
            closeSection();
            if (origin == null) {
                throw new SdpParseException(0, "", "no o= line");
            }
            return new SessionDescription(origin, sessionName == null ? "-" : sessionName, connection, direction,
                    media);
        }

        private void origin(int number, String line, String value) throws SdpParseException {
            if (current != null || origin != null) {
                throw new SdpParseException(number, line, "o= must appear once, before any m= line");
            }
            String[] f = value.split(" ");
            if (f.length != 6) {
                throw new SdpParseException(number, line, "o= needs 6 fields: username sess-id sess-version IN "
                        + "addrtype address");
            }
            long version;
            try {
                version = Long.parseUnsignedLong(f[2]);
            } catch (NumberFormatException e) {
                throw new SdpParseException(number, line, "session version is not a number");
            }
            if (version < 0) {
                throw new SdpParseException(number, line, "session version out of range");
            }
            if (!f[3].equals("IN") || !(f[4].equals("IP4") || f[4].equals("IP6"))) {
                throw new SdpParseException(number, line, "network type must be IN and address type IP4 or IP6");
            }
            origin = new Origin(f[0], f[1], version, f[4], f[5]);
        }

        private static Connection connection(int number, String line, String value) throws SdpParseException {
            String[] f = value.split(" ");
            if (f.length != 3 || !f[0].equals("IN")) {
                throw new SdpParseException(number, line, "c= must be \"IN IP4|IP6 address\"");
            }
            String address = f[2];
            if (f[1].equals("IP4")) {
                if (!Connection.isIpv4Literal(address)) {
                    throw new SdpParseException(number, line, "not an IPv4 address (host names and multicast TTLs"
                            + " are not supported)");
                }
            } else if (f[1].equals("IP6")) {
                if (!Connection.isIpv6Literal(address)) {
                    throw new SdpParseException(number, line, "not an IPv6 address");
                }
            } else {
                throw new SdpParseException(number, line, "address type must be IP4 or IP6");
            }
            return new Connection(f[1], address);
        }

        private static Section mediaLine(int number, String line, String value) throws SdpParseException {
            String[] f = value.split(" ");
            if (f.length < 4) {
                throw new SdpParseException(number, line, "m= needs media, port, protocol and at least one format");
            }
            String portText = f[1];
            int slash = portText.indexOf('/');
            if (slash >= 0) {
                portText = portText.substring(0, slash); // port/count: one stream is all we use
            }
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new SdpParseException(number, line, "port is not a number");
            }
            if (port < 0 || port > 65535) {
                throw new SdpParseException(number, line, "port out of range 0..65535");
            }
            Section s = new Section(f[0], port, f[2]);
            for (int i = 3; i < f.length; i++) {
                if (f[i].isEmpty()) {
                    throw new SdpParseException(number, line, "empty format");
                }
                if (f[2].toUpperCase(java.util.Locale.ROOT).startsWith("RTP/")) {
                    int pt = payloadType(number, line, f[i]);
                    if (pt < 0) {
                        throw new SdpParseException(number, line, "payload type \"" + f[i] + "\" not in 0..127");
                    }
                }
                s.formats.add(f[i]);
            }
            return s;
        }

        private void attribute(int number, String line, String value) throws SdpParseException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String arg = colon < 0 ? null : value.substring(colon + 1);
            Optional<Direction> dir = Direction.fromAttribute(name);
            if (dir.isPresent() && arg == null) {
                if (current == null) {
                    direction = dir.get();
                } else {
                    current.direction = dir.get();
                }
                return;
            }
            if (current == null) {
                return; // other session-level attributes (tool, group, ice-*, ...) are not needed
            }
            switch (name) {
                case "rtpmap" -> rtpMap(number, line, arg);
                case "fmtp" -> {
                    String[] f = split2(number, line, arg, "a=fmtp needs a payload type and parameters");
                    current.fmtps.put(payloadType(number, line, f[0], "a=fmtp"), f[1]);
                }
                case "ptime" -> current.ptime = (int) number(number, line, arg, 1, 1000, "a=ptime");
                case "rtcp" -> {
                    String portText = arg == null ? "" : arg.trim().split(" ")[0];
                    current.rtcpPort = (int) number(number, line, portText, 1, 65535, "a=rtcp port");
                }
                default -> current.other.add(value);
            }
        }

        private void rtpMap(int number, String line, String arg) throws SdpParseException {
            String[] f = split2(number, line, arg, "a=rtpmap needs \"<pt> <encoding>/<clock rate>\"");
            int pt = payloadType(number, line, f[0], "a=rtpmap");
            String[] enc = f[1].trim().split("/");
            if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
                throw new SdpParseException(number, line, "a=rtpmap needs \"<encoding>/<clock rate>[/<channels>]\"");
            }
            int rate = (int) number(number, line, enc[1], 1, 1_000_000, "clock rate");
            int channels = enc.length == 3 ? (int) number(number, line, enc[2], 1, 255, "channels") : 1;
            current.rtpMaps.put(pt, new RtpMap(pt, enc[0], rate, channels));
        }

        private static String[] split2(int number, String line, String arg, String problem)
                throws SdpParseException {
            if (arg == null) {
                throw new SdpParseException(number, line, problem);
            }
            int space = arg.indexOf(' ');
            if (space <= 0 || space == arg.length() - 1) {
                throw new SdpParseException(number, line, problem);
            }
            return new String[] {arg.substring(0, space), arg.substring(space + 1)};
        }

        private static int payloadType(int number, String line, String text, String what) throws SdpParseException {
            int pt = payloadType(number, line, text);
            if (pt < 0) {
                throw new SdpParseException(number, line, what + " payload type \"" + text + "\" not in 0..127");
            }
            return pt;
        }

        private static int payloadType(int number, String line, String text) {
            if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int pt = Integer.parseInt(text);
            return pt <= 127 ? pt : -1;
        }

        private static long number(int number, String line, String text, long min, long max, String what)
                throws SdpParseException {
            String t = text == null ? "" : text.trim();
            if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
                throw new SdpParseException(number, line, what + " is not a number");
            }
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                throw new SdpParseException(number, line, what + " out of range " + min + ".." + max);
            }
            return v;
        }

        private void closeSection() {
            if (current != null) {
                media.add(new MediaDescription(current.media, current.port, current.protocol, current.formats,
                        current.connection, current.rtpMaps, current.fmtps, current.ptime, current.direction,
                        current.rtcpPort, current.other));
                current = null;
            }
        }
    }

    /** A media section being read. */
    private static final class Section {
        final String media;
        final int port;
        final String protocol;
        final List<String> formats = new ArrayList<>();
        final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
        final Map<Integer, String> fmtps = new LinkedHashMap<>();
        final List<String> other = new ArrayList<>();
        Connection connection;
        Integer ptime;
        Direction direction;
        Integer rtcpPort;

        Section(String media, int port, String protocol) {
            this.media = media;
            this.port = port;
            this.protocol = protocol;
        }
    }
}
