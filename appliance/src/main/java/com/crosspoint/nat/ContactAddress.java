package com.crosspoint.nat;

import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a registered Contact URI ({@code sip:user@host:port;params}) that say where it points, read from the
 * stored text without a SIP parser: contacts are kept as strings and this runs for every binding on restore.
 *
 * @param user      the user part, or "" when none
 * @param endpoint  host and port (-1 when none)
 * @param transport the {@code transport} parameter, lower case, or "udp" when none (TLS for {@code sips:})
 */
public record ContactAddress(String user, Endpoint endpoint, String transport) {

    public static Optional<ContactAddress> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String text = uri.trim();
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1);
        }
        int scheme = text.indexOf(':');
        if (scheme < 0) {
            return Optional.empty();
        }
        String schemeName = text.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("sip") && !schemeName.equals("sips")) {
            return Optional.empty();
        }
        String rest = text.substring(scheme + 1);
        int headers = rest.indexOf('?');
        if (headers >= 0) {
            rest = rest.substring(0, headers);
        }
        int at = rest.lastIndexOf('@');
        String user = at >= 0 ? rest.substring(0, at) : "";
        String hostPart = at >= 0 ? rest.substring(at + 1) : rest;
        int semi = hostPart.indexOf(';');
        String hostPort = semi >= 0 ? hostPart.substring(0, semi) : hostPart;
        String params = semi >= 0 ? hostPart.substring(semi).toLowerCase(Locale.ROOT) : "";
        String transport = schemeName.equals("sips") ? "tls" : "udp";
        int t = params.indexOf(";transport=");
        if (t >= 0) {
            transport = params.substring(t + ";transport=".length()).split(";", 2)[0];
        }
        int userParams = user.indexOf(';');
        String plainUser = userParams >= 0 ? user.substring(0, userParams) : user;
        String finalTransport = transport;
        return Endpoint.parse(hostPort).map(e -> new ContactAddress(plainUser, e, finalTransport));
    }

    /**
     * {@code user@host:port/transport}, lower case, default port filled in: how a request's Request-URI is matched
     * to the binding it was built from.
     */
    public String key() {
        return user.toLowerCase(Locale.ROOT) + "@" + endpoint.text(transport) + "/" + transport;
    }
}
