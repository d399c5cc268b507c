package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link UserStore} shows. */
public interface UserStoreContract {
    Stores stores();

    private UserStore users() {
        return stores().users();
    }

    @Test
    default void createdUserIsFoundByIdAndExtension() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallSettings settings = new CallSettings("201", "202", "203", 35, true);

        User created = users().create(tenant.id(), "200", "Zoë Ünïcode", "zoe@example.com", settings);

        assertThat(created).isEqualTo(new User(created.id(), tenant.id(), "200", "Zoë Ünïcode", "zoe@example.com",
                settings));
        assertThat(users().find(created.id())).contains(created);
        assertThat(users().findByExtension(tenant.id(), "200")).contains(created);
    }

    @Test
    default void optionalFieldsMayBeNull() {
        Tenant tenant = StoreFixtures.tenant(stores());

        User created = users().create(tenant.id(), "200", null, null, CallSettings.defaults());

        assertThat(users().find(created.id())).contains(created);
        assertThat(created.settings()).isEqualTo(CallSettings.defaults());
    }

    @Test
    default void unknownUserIsAbsent() {
        Tenant tenant = StoreFixtures.tenant(stores());

        assertThat(users().find(Long.MAX_VALUE)).isEmpty();
        assertThat(users().findByExtension(tenant.id(), "404")).isEmpty();
    }

    @Test
    default void extensionIsUniqueWithinATenantOnly() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        users().create(tenant.id(), "100", "First", null, CallSettings.defaults());

        assertThatThrownBy(() -> users().create(tenant.id(), "100", "Second", null, CallSettings.defaults()))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("extension"));
        User elsewhere = users().create(other.id(), "100", "Elsewhere", null, CallSettings.defaults());

        assertThat(users().list(tenant.id())).extracting(User::displayName).containsExactly("First");
        assertThat(users().findByExtension(other.id(), "100")).contains(elsewhere);
    }

    @Test
    default void listKeepsToTheTenantAndListAllHasEveryone() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        User first = StoreFixtures.user(stores(), tenant);
        User second = StoreFixtures.user(stores(), tenant);
        User foreign = StoreFixtures.user(stores(), other);

        assertThat(users().list(tenant.id())).containsExactly(first, second);
        assertThat(users().listAll()).containsSubsequence(first, second, foreign);
    }

    @Test
    default void updateStoresExtensionNamesAndSettings() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        User changed = new User(user.id(), tenant.id(), "555", "New Name", "new@example.com",
                new CallSettings(null, "300", null, 10, true));

        assertThat(users().update(changed)).isEqualTo(changed);

        assertThat(users().find(user.id())).contains(changed);
        assertThat(users().findByExtension(tenant.id(), user.extension())).isEmpty();
    }

    @Test
    default void updateToTakenExtensionFails() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        User other = StoreFixtures.user(stores(), tenant);
        User clash = new User(user.id(), tenant.id(), other.extension(), "X", null, CallSettings.defaults());

        assertThatThrownBy(() -> users().update(clash))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("extension"));
        assertThat(users().find(user.id())).contains(user);
    }

    @Test
    default void updateOfUnknownUserFails() {
        Tenant tenant = StoreFixtures.tenant(stores());

        assertThatThrownBy(() -> users().update(
                new User(Long.MAX_VALUE, tenant.id(), "1", null, null, CallSettings.defaults())))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteRemovesTheUsersDevicesAndBindingsOnly() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User doomed = StoreFixtures.user(stores(), tenant);
        User kept = StoreFixtures.user(stores(), tenant);
        Device doomedDevice = StoreFixtures.device(stores(), doomed);
        Device keptDevice = StoreFixtures.device(stores(), kept);
        stores().bindings().apply(List.of(
                StoreFixtures.binding(tenant, doomed, doomedDevice, "sip:doomed@192.0.2.1"),
                StoreFixtures.binding(tenant, kept, keptDevice, "sip:kept@192.0.2.2")), List.of());

        assertThat(users().delete(doomed.id())).isTrue();
        assertThat(users().delete(doomed.id())).isFalse();

        assertThat(users().find(doomed.id())).isEmpty();
        assertThat(stores().devices().find(doomedDevice.id())).isEmpty();
        assertThat(stores().devices().find(keptDevice.id())).contains(keptDevice);
        assertThat(StoreFixtures.bindingsOf(stores(), tenant)).extracting(b -> b.userId()).containsExactly(kept.id());
    }

    @Test
    default void webPasswordHashIsSetReplacedAndRemoved() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        assertThat(users().webPasswordHash(user.id())).isEmpty();

        users().setWebPasswordHash(user.id(), "$argon2id$v=19$first");
        assertThat(users().webPasswordHash(user.id())).contains("$argon2id$v=19$first");

        users().setWebPasswordHash(user.id(), "$argon2id$v=19$second");
        assertThat(users().webPasswordHash(user.id())).contains("$argon2id$v=19$second");

        users().setWebPasswordHash(user.id(), null);
        assertThat(users().webPasswordHash(user.id())).isEmpty();
        assertThat(users().find(user.id())).contains(user);
    }

    @Test
    default void webPasswordHashOfUnknownUser() {
        assertThat(users().webPasswordHash(Long.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> users().setWebPasswordHash(Long.MAX_VALUE, "hash"))
                .isInstanceOf(NoSuchElementException.class);
    }
}
