package com.crosspoint.api.dto;

import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import java.util.List;

/** An auto-attendant menu with its key options. */
public record MenuDto(long id, long tenantId, String number, String name, String greeting, boolean dialByExtension,
                      int timeoutSeconds, int maxRetries, String operatorExtension, List<MenuOptionDto> options) {

    public static MenuDto of(AttendantMenu m) {
        return new MenuDto(m.id(), m.tenantId(), m.number(), m.name(), m.greeting(), m.dialByExtension(),
                m.timeoutSeconds(), m.maxRetries(), m.operatorExtension(),
                m.options().stream().map(MenuOptionDto::of).toList());
    }

    /** One key: EXTENSION and VOICEMAIL name an extension, MENU a menu id, HANGUP nothing. */
    public record MenuOptionDto(String digit, String action, String extension, Long menuId) {
        static MenuOptionDto of(MenuOption o) {
            return new MenuOptionDto(String.valueOf(o.digit()), o.action().name(), o.extension(), o.menuId());
        }
    }
}
