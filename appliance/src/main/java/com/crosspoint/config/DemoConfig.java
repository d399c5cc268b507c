package com.crosspoint.config;

import java.util.List;
import java.util.Optional;

/**
 * The demo tenant with ready-to-use extensions.
 *
 * @param enabled    whether to create it ({@code demo.enabled}, or {@code --demo})
 * @param domain     its SIP domain ({@code demo.domain})
 * @param password   SIP and web password of every demo extension, or empty to generate one ({@code demo.password})
 * @param pin        voicemail PIN of every demo extension, or empty to generate one ({@code demo.pin})
 * @param extensions distinct digit strings ({@code demo.extensions})
 * @param carriers   whether to start the simulated carriers (SIPp on loopback) when the node runs the router
 *                   ({@code demo.carriers})
 */
public record DemoConfig(boolean enabled, String domain, Optional<String> password, Optional<String> pin,
                         List<String> extensions, boolean carriers) {

    public DemoConfig {
        extensions = List.copyOf(extensions);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "DemoConfig[enabled=" + enabled + ", domain=" + domain + ", password="
                + Secrets.mask(password.orElse("")) + ", pin=" + Secrets.mask(pin.orElse("")) + ", extensions="
                + extensions + ", carriers=" + carriers + "]";
    }
}
