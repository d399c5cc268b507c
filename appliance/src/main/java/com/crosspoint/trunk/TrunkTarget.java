package com.crosspoint.trunk;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server outside the PBX that takes its external calls: a call router or a gateway.
 *
 * @param host      IP literal or host name
 * @param port      1 to 65535
 * @param transport "udp", "tcp" or "tls"
 */
public record TrunkTarget(String host, int port, String transport) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*):(?<port>\\d{1,5})(;transport=(?<transport>udp|tcp|tls))?",
            Pattern.CASE_INSENSITIVE);

    public TrunkTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        transport = transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp") && !transport.equals("tls")) {
            throw new IllegalArgumentException("transport must be udp, tcp or tls: " + transport);
        }
    }

    /** {@code host:port} with an optional {@code ;transport=tcp} (UDP otherwise); IPv6 in brackets. */
    public static TrunkTarget parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not host:port[;transport=udp|tcp|tls]: \"" + text + "\"");
        }
        String transport = m.group("transport") == null ? "udp" : m.group("transport");
        return new TrunkTarget(m.group("host"), Integer.parseInt(m.group("port")), transport);
    }

    /** The SIP URI of {@code number} at this server ({@code user=phone} when it is E.164). */
    public String uriFor(String number) {
        String user = number.startsWith("+") ? number + "@" + host + ":" + port + ";user=phone" : number + "@" + host
                + ":" + port;
        return "sip:" + user + (transport.equals("udp") ? "" : ";transport=" + transport);
    }

    @Override
    public String toString() {
        return host + ":" + port + (transport.equals("udp") ? "" : ";transport=" + transport);
    }
}
