package com.crosspoint.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which tenants have a visitor chat and which web sites may embed it ({@code chat.sites}): tenant domain -> allowed
 * origins. The appliance's own origin is allowed for every listed tenant, so its demo page works.
 */
public final class ChatSites {
    private final Map<String, List<String>> origins;

    public ChatSites(Map<String, List<String>> origins) {
        this.origins = Map.copyOf(origins);
    }

    public boolean enabled(String domain) {
        return domain != null && origins.containsKey(domain.toLowerCase(Locale.ROOT));
    }

    /** Whether a page of {@code origin} may open a chat of the tenant; {@code own} is the appliance's origin. */
    public boolean allows(String domain, String origin, String own) {
        if (!enabled(domain) || origin == null) {
            return false;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.equals(own) || origins.get(domain.toLowerCase(Locale.ROOT)).contains(o);
    }
}
