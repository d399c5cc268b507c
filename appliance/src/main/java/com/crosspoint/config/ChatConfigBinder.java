package com.crosspoint.config;

import com.crosspoint.chat.ChatLimits;
import com.crosspoint.chat.LeftMessageLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds {@code chat.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class ChatConfigBinder {
    /** The widest message the transcript table holds. */
    static final int MAX_MESSAGE_CHARS = 4000;
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    private final ConfigValues values;

    ChatConfigBinder(ConfigValues values) {
        this.values = values;
    }

    ChatConfig chat() {
        ChatLimits limits = new ChatLimits(ranged("chat.maxMessageChars", 1, MAX_MESSAGE_CHARS),
                ranged("chat.messagesPerSecond", 1, 100), ranged("chat.messageBurst", 1, 100),
                ranged("chat.maxChatsPerSource", 1, 1000), ranged("chat.maxChatsPerTenant", 1, 100_000),
                Duration.ofSeconds(ranged("chat.offerTimeoutSeconds", 5, 600)),
                Duration.ofSeconds(ranged("chat.resumeSeconds", 0, 3600)));
        return new ChatConfig(values.bool("chat.enabled"), sites(), limits,
                Duration.ofDays(ranged("chat.retentionDays", 1, 36_500)), ranged("chat.maxFramesPerSecond", 2, 1000),
                values.bool("chat.leaveMessageWhenNobodyAnswers"),
                new LeftMessageLimits(ranged("chat.messagesLeftPerSourcePerHour", 1, 1000),
                        ranged("chat.maxOpenMessagesLeftPerTenant", 1, 1_000_000)));
    }

    /** "domain=origin origin ...": the tenant's chat is on, for pages of those origins. */
    private Map<String, List<String>> sites() {
        Map<String, List<String>> sites = new LinkedHashMap<>();
        for (String item : values.stringList("chat.sites")) {
            String[] parts = item.split("=", 2);
            String domain = domain("chat.sites", parts[0]);
            List<String> origins = new ArrayList<>();
            if (parts.length == 2) {
                for (String origin : parts[1].trim().split("\\s+")) {
                    if (!origin.isEmpty()) {
                        origins.add(origin(origin));
                    }
                }
            }
            if (sites.put(domain, List.copyOf(origins)) != null) {
                throw values.error("chat.sites", domain + " is listed twice");
            }
        }
        return sites;
    }

    private String domain(String key, String text) {
        String d = text.trim().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw values.error(key, "not a tenant domain: \"" + text.trim() + "\"");
        }
        return d;
    }

    /** scheme://host[:port], lower case, nothing after it: what browsers send as Origin. */
    private String origin(String text) {
        String o = text.toLowerCase(Locale.ROOT);
        try {
            URI uri = new URI(o);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getUserInfo() == null && (uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return o;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw values.error("chat.sites", "an origin is http(s)://host[:port] with nothing after it, not \"" + text + "\"");
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
