package com.crosspoint.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /api/v1/tenants/{tenantId}/calls/{callId}} matched segment by segment
 * against the raw request path, so an encoded '/' inside a Call-ID stays inside its parameter.
 */
final class PathTemplate {
    private final String template;
    private final List<String> segments;

    PathTemplate(String template) {
        this.template = template;
        this.segments = List.of(split(template));
    }

    String template() {
        return template;
    }

    /** The decoded parameters when {@code rawPath} matches, else empty. */
    Optional<Map<String, String>> match(String rawPath) {
        String[] parts = split(rawPath);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = segments.get(i);
            if (s.startsWith("{") && s.endsWith("}")) {
                String value = decode(parts[i]);
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                params.put(s.substring(1, s.length() - 1), value);
            } else if (!s.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }

    /** Percent-decoding of one path segment ('+' is literal in paths); null when malformed. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
