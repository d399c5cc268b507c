package com.crosspoint.ivr;

import com.crosspoint.directory.Directory;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.model.Tenant;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.AttendantMenuStore;
import com.crosspoint.store.DuplicateKeyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Auto-attendant menus: validated writes to the store, and an in-memory copy that calls read (every INVITE asks
 * whether the dialled number is a menu, which must not cost a database query).
 */
public final class AttendantService {
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{2,15}$");
    private static final String DIGITS = "0123456789*";
    static final int MAX_TIMEOUT_SECONDS = 60;
    static final int MAX_RETRIES = 10;

    private final AttendantMenuStore store;
    private final Directory directory;
    private final Predicate<String> promptExists;
    private final Map<Long, AttendantMenu> menus = new ConcurrentHashMap<>();

    /** @param promptExists whether the prompt library has a prompt of that name (a greeting must be one) */
    public AttendantService(AttendantMenuStore store, Directory directory, Predicate<String> promptExists) {
        this.store = store;
        this.directory = directory;
        this.promptExists = promptExists;
        for (Tenant t : directory.tenants()) {
            store.list(t.id()).forEach(m -> menus.put(m.id(), m));
        }
    }

    public List<AttendantMenu> list(long tenantId) {
        tenant(tenantId);
        return menus.values().stream().filter(m -> m.tenantId() == tenantId)
                .sorted(Comparator.comparingLong(AttendantMenu::id)).toList();
    }

    public AttendantMenu get(long tenantId, long id) {
        return menu(tenantId, id).orElseThrow(() -> new NotFoundException("no menu " + id + " in tenant " + tenantId));
    }

    /** A menu of the tenant, for calls. */
    public Optional<AttendantMenu> menu(long tenantId, long id) {
        return Optional.ofNullable(menus.get(id)).filter(m -> m.tenantId() == tenantId);
    }

    /** The tenant's menu with that number, for calls. */
    public Optional<AttendantMenu> byNumber(long tenantId, String number) {
        return menus.values().stream().filter(m -> m.tenantId() == tenantId && m.number().equals(number)).findFirst();
    }

    public AttendantMenu create(long tenantId, MenuDraft draft) {
        tenant(tenantId);
        AttendantMenu created = store.create(validate(tenantId, 0, draft));
        menus.put(created.id(), created);
        return created;
    }

    public AttendantMenu update(long tenantId, long id, MenuDraft draft) {
        get(tenantId, id);
        AttendantMenu updated = store.update(validate(tenantId, id, draft));
        menus.put(updated.id(), updated);
        return updated;
    }

    /** @throws MenuInUseException when a key of another menu leads here */
    public void delete(long tenantId, long id) {
        AttendantMenu menu = get(tenantId, id);
        Optional<AttendantMenu> user = list(tenantId).stream().filter(m -> m.id() != id)
                .filter(m -> m.options().stream().anyMatch(o -> o.menuId() != null && o.menuId() == id)).findFirst();
        if (user.isPresent()) {
            throw new MenuInUseException("menu " + menu.number() + " is still a choice of menu " + user.get().number());
        }
        store.delete(id);
        menus.remove(id);
    }

    private void tenant(long tenantId) {
        if (directory.tenant(tenantId).isEmpty()) {
            throw new NotFoundException("no tenant " + tenantId);
        }
    }

    /** The menu the draft describes, or ValidationException naming the first bad field. */
    private AttendantMenu validate(long tenantId, long id, MenuDraft d) {
        if (d.number() == null || !NUMBER.matcher(d.number()).matches()) {
            throw new ValidationException("number", "must be 2 to 15 digits");
        }
        if (directory.userByExtension(tenantId, d.number()).isPresent()) {
            throw new DuplicateKeyException("number", "number " + d.number() + " is a user's extension");
        }
        String name = d.name() == null || d.name().isBlank() ? null : d.name().trim();
        if (name != null && name.length() > 128) {
            throw new ValidationException("name", "must be at most 128 characters");
        }
        String greeting = d.greeting() == null || d.greeting().isBlank() ? AttendantMenu.DEFAULT_GREETING : d.greeting();
        if (!promptExists.test(greeting)) {
            throw new ValidationException("greeting", "no prompt named " + greeting);
        }
        int timeout = d.timeoutSeconds() == null ? AttendantMenu.DEFAULT_TIMEOUT_SECONDS : d.timeoutSeconds();
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            throw new ValidationException("timeoutSeconds", "must be 1 to " + MAX_TIMEOUT_SECONDS);
        }
        int retries = d.maxRetries() == null ? AttendantMenu.DEFAULT_MAX_RETRIES : d.maxRetries();
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ValidationException("maxRetries", "must be 0 to " + MAX_RETRIES);
        }
        String operator = d.operatorExtension() == null || d.operatorExtension().isBlank() ? null
                : d.operatorExtension().trim();
        if (operator != null) {
            requireUser(tenantId, operator, "operatorExtension");
        }
        List<MenuOption> options = new ArrayList<>();
        Set<Character> seen = new HashSet<>();
        List<MenuDraft.Option> given = d.options() == null ? List.of() : d.options();
        for (int i = 0; i < given.size(); i++) {
            options.add(option(tenantId, id, given.get(i), "options[" + i + "].", seen));
        }
        return new AttendantMenu(id, tenantId, d.number(), name, greeting,
                d.dialByExtension() == null || d.dialByExtension(), timeout, retries, operator, options);
    }

    private MenuOption option(long tenantId, long menuId, MenuDraft.Option o, String field, Set<Character> seen) {
        if (o == null) {
            throw new ValidationException(field.substring(0, field.length() - 1), "must be an option");
        }
        if (o.digit() == null || o.digit().length() != 1 || DIGITS.indexOf(o.digit().charAt(0)) < 0) {
            throw new ValidationException(field + "digit", "must be one of 0-9 or * (# is dial-by-extension)");
        }
        char digit = o.digit().charAt(0);
        if (!seen.add(digit)) {
            throw new ValidationException(field + "digit", "key " + digit + " has two options");
        }
        MenuOption.Action action;
        try {
            action = MenuOption.Action.valueOf(o.action() == null ? "" : o.action().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + "action", "must be EXTENSION, MENU, VOICEMAIL or HANGUP");
        }
        return switch (action) {
            case EXTENSION, VOICEMAIL -> new MenuOption(digit, action,
                    requireUser(tenantId, o.extension(), field + "extension"), null);
            case MENU -> {
                // A key may lead back to its own menu ("press 9 to hear this again"); calls cap the hops anyway.
                if (o.menuId() == null || (o.menuId() != menuId && menu(tenantId, o.menuId()).isEmpty())) {
                    throw new ValidationException(field + "menuId", "must be a menu of this tenant");
                }
                yield MenuOption.menu(digit, o.menuId());
            }
            case HANGUP -> MenuOption.hangUp(digit);
        };
    }

    private String requireUser(long tenantId, String extension, String field) {
        if (extension == null || directory.userByExtension(tenantId, extension.trim()).isEmpty()) {
            throw new ValidationException(field, "must be the extension of a user of this tenant");
        }
        return extension.trim();
    }
}
