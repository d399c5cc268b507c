package com.crosspoint.api.dto;

import com.crosspoint.ivr.MenuDraft;
import java.util.List;

/**
 * Create or replace a menu. Null {@code greeting}, {@code dialByExtension}, {@code timeoutSeconds} and
 * {@code maxRetries} take the defaults (aa-welcome, true, 5, 3); {@code options} null means none.
 */
public record MenuRequest(String number, String name, String greeting, Boolean dialByExtension,
                          Integer timeoutSeconds, Integer maxRetries, String operatorExtension,
                          List<MenuDto.MenuOptionDto> options) {

    public MenuDraft toDraft() {
        return new MenuDraft(number, name, greeting, dialByExtension, timeoutSeconds, maxRetries, operatorExtension,
                options == null ? null : options.stream().map(o -> o == null ? null
                        : new MenuDraft.Option(o.digit(), o.action(), o.extension(), o.menuId())).toList());
    }
}
