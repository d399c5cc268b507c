package com.crosspoint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An auto-attendant menu of a tenant: a number that answers with a greeting, then routes the key the caller
 * presses (see {@link MenuOption}). With {@code dialByExtension} the caller may press {@code #}, key an
 * extension and end it with {@code #}. No key within {@code timeoutSeconds} or an unassigned key replays the
 * menu, at most {@code maxRetries} times; then the call goes to {@code operatorExtension} when there is one, or
 * the caller hears goodbye.
 *
 * @param number            the tenant number that reaches the menu (never also a user's extension)
 * @param greeting          the prompt library's name of the greeting, such as {@code aa-welcome}
 * @param operatorExtension where a caller who never chooses goes; null to hang up
 */
public record AttendantMenu(long id, long tenantId, String number, String name, String greeting,
                            boolean dialByExtension, int timeoutSeconds, int maxRetries, String operatorExtension,
                            List<MenuOption> options) {
    public static final String DEFAULT_GREETING = "aa-welcome";
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_MAX_RETRIES = 3;

    public AttendantMenu {
        Objects.requireNonNull(number, "number");
        options = List.copyOf(options);
    }

    /** The option behind {@code digit}, if the menu has one. */
    public Optional<MenuOption> option(char digit) {
        return options.stream().filter(o -> o.digit() == digit).findFirst();
    }

    public AttendantMenu withId(long newId) {
        return new AttendantMenu(newId, tenantId, number, name, greeting, dialByExtension, timeoutSeconds,
                maxRetries, operatorExtension, options);
    }
}
