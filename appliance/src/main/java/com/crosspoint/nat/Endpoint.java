package com.crosspoint.nat;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A host and port as a message named them (no look-up); {@code port} is -1 when none was given.
 *
 * @param host an IP literal (IPv6 without brackets) or a name, lower case
 * @param port 1-65535, or -1 for "the transport's default"
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; empty when it is none of these. */
    public static Optional<Endpoint> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                String rest = t.substring(close + 1);
                int port = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : -1;
                return rest.isEmpty() || rest.startsWith(":")
                        ? Optional.of(new Endpoint(t.substring(1, close), port)) : Optional.empty();
            }
            int colon = t.lastIndexOf(':');
            if (colon > 0 && t.indexOf(':') == colon) {
                return Optional.of(new Endpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1))));
            }
            return Optional.of(new Endpoint(t, -1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The port, or the transport's default when none was named (5061 for TLS, 5060 otherwise). */
    public int portOr(String transport) {
        if (port > 0) {
            return port;
        }
        return "tls".equalsIgnoreCase(transport) || "wss".equalsIgnoreCase(transport) ? 5061 : 5060;
    }

    public boolean sameHost(Endpoint other) {
        return host.equals(other.host);
    }

    /** {@code host:port} ({@code [v6]:port}), with the transport's default port filled in. */
    public String text(String transport) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + portOr(transport);
    }
}
