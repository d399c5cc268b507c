package com.crosspoint.nat;

/** Where an address literal is routable, decided from its text alone (names are never looked up). */
public enum HostClass {
    PUBLIC, PRIVATE, LINK_LOCAL, LOOPBACK, NAME;

    public static HostClass of(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.indexOf(':') >= 0) {
            return ofIpv6(h);
        }
        int[] octets = ipv4(h);
        if (octets == null) {
            return NAME;
        }
        int a = octets[0];
        int b = octets[1];
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        // RFC 1918, and RFC 6598 shared address space (carrier-grade NAT).
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127)) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    /** Private or link-local: addresses another network cannot send to. */
    public boolean unroutable() {
        return this == PRIVATE || this == LINK_LOCAL;
    }

    private static HostClass ofIpv6(String h) {
        if (h.equals("::1")) {
            return LOOPBACK;
        }
        if (h.startsWith("fe8") || h.startsWith("fe9") || h.startsWith("fea") || h.startsWith("feb")) {
            return LINK_LOCAL;
        }
        if (h.startsWith("fc") || h.startsWith("fd")) {
            return PRIVATE; // RFC 4193 unique local addresses
        }
        return PUBLIC;
    }

    private static int[] ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }
}
