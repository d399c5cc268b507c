package com.crosspoint.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Recognizes IP literals and host names without ever asking DNS. */
final class AddressSyntax {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    // Starting with a hex digit or ':' keeps InetAddress on its literal parser, which rejects
    // a malformed IPv6 literal instead of looking it up.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private AddressSyntax() {
    }

    static boolean isIpLiteral(String text) {
        return IPV4.matcher(text).matches() || (IPV6.matcher(text).matches() && parsesAsIpv6(text));
    }

    /** True for 0.0.0.0 and ::, which listen on every interface but cannot be advertised. */
    static boolean isWildcard(String ipLiteral) {
        try {
            return isIpLiteral(ipLiteral) && InetAddress.getByName(ipLiteral).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("validated IP literal failed to parse: " + ipLiteral, e);
        }
    }

    /** An RFC 1123 host name; an all-numeric last label is rejected so a bad IPv4 literal is not taken for a name. */
    static boolean isHostName(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !NUMERIC.matcher(labels[labels.length - 1]).matches();
    }

    private static boolean parsesAsIpv6(String text) {
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;  // the literal parser's only way of saying "malformed"
        }
    }
}
