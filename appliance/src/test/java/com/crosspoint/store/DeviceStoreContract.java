package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link DeviceStore} shows. */
public interface DeviceStoreContract {
    Stores stores();

    private DeviceStore devices() {
        return stores().devices();
    }

    @Test
    default void createdDeviceIsFoundByIdAndSipUsername() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);

        Device created = devices().create(tenant.id(), user.id(), "ann-desk", "md5hash", "sha256hash");

        assertThat(created.id()).isPositive();
        assertThat(created.createdAt()).isNotNull();
        assertThat(created).isEqualTo(new Device(created.id(), tenant.id(), user.id(), "ann-desk", "md5hash",
                "sha256hash", created.createdAt()));
        assertThat(devices().find(created.id())).contains(created);
        assertThat(devices().findBySipUsername(tenant.id(), "ann-desk")).contains(created);
    }

    @Test
    default void aDeviceMayHaveOnlyOneHash() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);

        Device created = devices().create(tenant.id(), user.id(), "sha-only", null, "sha256hash");

        assertThat(devices().find(created.id())).contains(created);
    }

    @Test
    default void unknownDeviceIsAbsent() {
        Tenant tenant = StoreFixtures.tenant(stores());

        assertThat(devices().find(Long.MAX_VALUE)).isEmpty();
        assertThat(devices().findBySipUsername(tenant.id(), "nobody")).isEmpty();
    }

    @Test
    default void sipUsernameIsUniqueWithinATenantOnly() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        User otherUser = StoreFixtures.user(stores(), other);
        devices().create(tenant.id(), user.id(), "phone", "a", "b");

        assertThatThrownBy(() -> devices().create(tenant.id(), user.id(), "phone", "c", "d"))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("sipUsername"));
        Device elsewhere = devices().create(other.id(), otherUser.id(), "phone", "e", "f");

        assertThat(devices().findBySipUsername(other.id(), "phone")).contains(elsewhere);
        assertThat(devices().listByTenant(tenant.id())).hasSize(1);
    }

    @Test
    default void listsByUserTenantAndAll() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        User ann = StoreFixtures.user(stores(), tenant);
        User bob = StoreFixtures.user(stores(), tenant);
        User foreigner = StoreFixtures.user(stores(), other);
        Device annDesk = StoreFixtures.device(stores(), ann);
        Device annMobile = StoreFixtures.device(stores(), ann);
        Device bobDesk = StoreFixtures.device(stores(), bob);
        Device foreign = StoreFixtures.device(stores(), foreigner);

        assertThat(devices().listByUser(ann.id())).containsExactly(annDesk, annMobile);
        assertThat(devices().listByTenant(tenant.id())).containsExactly(annDesk, annMobile, bobDesk);
        assertThat(devices().listAll()).containsSubsequence(annDesk, annMobile, bobDesk, foreign);
    }

    @Test
    default void updateCredentialsReplacesBothHashes() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Device device = StoreFixtures.device(stores(), StoreFixtures.user(stores(), tenant));

        Device updated = devices().updateCredentials(device.id(), "newmd5", "newsha");

        Device expected = new Device(device.id(), device.tenantId(), device.userId(), device.sipUsername(),
                "newmd5", "newsha", device.createdAt());
        assertThat(updated).isEqualTo(expected);
        assertThat(devices().find(device.id())).contains(expected);
    }

    @Test
    default void updateCredentialsOfUnknownDeviceFails() {
        assertThatThrownBy(() -> devices().updateCredentials(Long.MAX_VALUE, "a", "b"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteRemovesTheDeviceAndItsBindingsOnly() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        Device doomed = StoreFixtures.device(stores(), user);
        Device kept = StoreFixtures.device(stores(), user);
        stores().bindings().apply(List.of(
                StoreFixtures.binding(tenant, user, doomed, "sip:doomed@192.0.2.1"),
                StoreFixtures.binding(tenant, user, kept, "sip:kept@192.0.2.2")), List.of());

        assertThat(devices().delete(doomed.id())).isTrue();
        assertThat(devices().delete(doomed.id())).isFalse();

        assertThat(devices().listByUser(user.id())).containsExactly(kept);
        assertThat(StoreFixtures.bindingsOf(stores(), tenant)).extracting(b -> b.deviceId()).containsExactly(kept.id());
    }
}
