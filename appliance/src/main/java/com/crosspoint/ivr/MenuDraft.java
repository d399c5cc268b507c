package com.crosspoint.ivr;

import java.util.List;

/**
 * A menu as an administrator submits it, unchecked: {@link AttendantService} validates it (naming the bad field
 * as the API spells it) and fills in defaults for the null values.
 */
public record MenuDraft(String number, String name, String greeting, Boolean dialByExtension,
                        Integer timeoutSeconds, Integer maxRetries, String operatorExtension,
                        List<Option> options) {

    /** One key: {@code digit} 0-9 or *, {@code action} EXTENSION, MENU, VOICEMAIL or HANGUP. */
    public record Option(String digit, String action, String extension, Long menuId) {
    }
}
