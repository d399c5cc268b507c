package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.model.Tenant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link AttendantMenuStore} shows. */
public interface AttendantMenuStoreContract {
    Stores stores();

    private AttendantMenuStore menus() {
        return stores().attendantMenus();
    }

    private static AttendantMenu menu(Tenant tenant, String number, List<MenuOption> options) {
        return new AttendantMenu(0, tenant.id(), number, "Main " + number, "aa-welcome", true, 5, 3, null, options);
    }

    @Test
    default void createdMenuKeepsEveryFieldAndOption() {
        Tenant tenant = StoreFixtures.tenant(stores());
        AttendantMenu sub = menus().create(menu(tenant, "701", List.of()));
        AttendantMenu given = new AttendantMenu(0, tenant.id(), "700", "Reception", "aa-dial-extension", false, 7, 2,
                "1000", List.of(MenuOption.extension('2', "1002"), MenuOption.menu('3', sub.id()),
                MenuOption.voicemail('*', "1001"), MenuOption.hangUp('0')));

        AttendantMenu saved = menus().create(given);

        assertThat(saved.id()).isPositive().isNotEqualTo(sub.id());
        assertThat(saved.options()).containsExactlyInAnyOrderElementsOf(given.options());
        assertThat(saved.withId(0)).usingRecursiveComparison().ignoringFields("options").isEqualTo(given);
        assertThat(menus().find(saved.id())).contains(saved);
        assertThat(menus().findByNumber(tenant.id(), "700")).contains(saved);
        assertThat(menus().findByNumber(tenant.id(), "702")).isEmpty();
    }

    @Test
    default void numberIsUniqueWithinTenantOnly() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        menus().create(menu(tenant, "700", List.of()));

        assertThatThrownBy(() -> menus().create(menu(tenant, "700", List.of())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThat(menus().create(menu(other, "700", List.of())).tenantId()).isEqualTo(other.id());
    }

    @Test
    default void updateReplacesFieldsAndOptions() {
        Tenant tenant = StoreFixtures.tenant(stores());
        AttendantMenu m = menus().create(menu(tenant, "700", List.of(MenuOption.extension('1', "1001"),
                MenuOption.extension('2', "1002"))));
        AttendantMenu taken = menus().create(menu(tenant, "705", List.of()));

        AttendantMenu changed = new AttendantMenu(m.id(), tenant.id(), "710", "Night", "aa-welcome", false, 9, 1, null,
                List.of(MenuOption.voicemail('2', "1003")));
        AttendantMenu updated = menus().update(changed);

        assertThat(updated).isEqualTo(changed);
        assertThat(menus().list(tenant.id())).containsExactly(updated, taken);
        assertThatThrownBy(() -> menus().update(new AttendantMenu(m.id(), tenant.id(), "705", null, "aa-welcome",
                false, 5, 3, null, List.of()))).isInstanceOf(DuplicateKeyException.class);
        assertThat(menus().find(m.id())).contains(updated);
        assertThatThrownBy(() -> menus().update(changed.withId(Long.MAX_VALUE)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteRemovesMenuWithItsOptions() {
        Tenant tenant = StoreFixtures.tenant(stores());
        AttendantMenu m = menus().create(menu(tenant, "700", List.of(MenuOption.hangUp('9'))));

        assertThat(menus().delete(m.id())).isTrue();
        assertThat(menus().delete(m.id())).isFalse();
        assertThat(menus().find(m.id())).isEmpty();
        assertThat(menus().list(tenant.id())).isEmpty();
    }

    @Test
    default void deletingTheTenantDeletesItsMenus() {
        Tenant tenant = StoreFixtures.tenant(stores());
        AttendantMenu m = menus().create(menu(tenant, "700", List.of(MenuOption.hangUp('9'))));

        stores().tenants().delete(tenant.id());

        assertThat(menus().find(m.id())).isEmpty();
    }
}
