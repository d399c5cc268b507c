package com.crosspoint.sip;

import java.util.Optional;

/**
 * A display name made safe for a SIP header. JAIN-SIP writes a display name between double quotes as it is given
 * ({@code AddressImpl.encode} escapes nothing), so the name must arrive as the inside of an RFC 3261 §25.1
 * quoted-string: a quote or backslash becomes a quoted-pair, and control characters, which a quoted-string cannot
 * hold and which would end the header line, are dropped. Provisioning refuses them; this keeps any name stored
 * before that, or taken from elsewhere, from writing headers of its own.
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    /** What to pass to {@code Address.setDisplayName}; empty when nothing printable is left. */
    public static Optional<String> quotedContent(String name) {
        if (name == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                return;
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        String quoted = out.toString().strip();
        return quoted.isEmpty() ? Optional.empty() : Optional.of(quoted);
    }
}
