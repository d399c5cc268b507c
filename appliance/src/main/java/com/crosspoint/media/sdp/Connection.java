package com.crosspoint.media.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A {@code c=IN IP4|IP6 address} line. Only IP literals are accepted (a host name would need DNS on the media
 * path); {@code 0.0.0.0} is the RFC 2543 hold address.
 */
public record Connection(String addressType, String address) {

    public Connection {
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
        if (!addressType.equals("IP4") && !addressType.equals("IP6")) {
            throw new IllegalArgumentException("address type must be IP4 or IP6: " + addressType);
        }
    }

    /** The connection for an address, IP4 or IP6 after its kind. */
    public static Connection of(InetAddress address) {
        return new Connection(address.getAddress().length == 4 ? "IP4" : "IP6", address.getHostAddress());
    }

    /** RFC 2543 style hold: no media should be sent to this address. */
    public boolean isHoldAddress() {
        return address.equals("0.0.0.0");
    }

    /** The address as an {@link InetAddress}; never a DNS look-up, the literal was validated on parse. */
    public InetAddress inetAddress() {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("validated literal did not parse: " + address, e);
        }
    }

    String line() {
        return "c=IN " + addressType + " " + address;
    }

    static boolean isIpv4Literal(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6Literal(String text) {
        if (!text.contains(":") || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            // a string with ':' is only ever parsed as a literal, never looked up
            return InetAddress.getByName(text).getAddress().length == 16 || text.contains("::ffff:");
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
