package com.crosspoint.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who is chatting, as the visitor said it (nothing here is verified): a name, an optional e-mail address and the
 * page the widget sits on, plus the source address the appliance saw. {@link #of} validates and names the field
 * that is wrong.
 */
public record ChatVisitor(String name, String email, String pageUrl, String source) {
    public static final int MAX_NAME = 80;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PAGE_URL = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    public ChatVisitor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** A visitor from what the widget sent; blank e-mail and page become null. */
    public static ChatVisitor of(String name, String email, String pageUrl, String source) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidChatInput("name", "must be 1 to " + MAX_NAME + " characters without control characters");
        }
        String e = email == null || email.isBlank() ? null : email.strip();
        if (e != null && (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches())) {
            throw new InvalidChatInput("email", "is not an e-mail address");
        }
        String p = pageUrl == null || pageUrl.isBlank() ? null : pageUrl.strip();
        if (p != null && (p.length() > MAX_PAGE_URL || !(p.startsWith("https://") || p.startsWith("http://")))) {
            throw new InvalidChatInput("page", "must be an http(s) URL of up to " + MAX_PAGE_URL + " characters");
        }
        return new ChatVisitor(n, e, p, source);
    }
}
