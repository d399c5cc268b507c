package com.crosspoint.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.DeviceEvent;
import com.crosspoint.events.ProvisioningEvent.Kind;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory follows provisioning by applying its events; every index moves with the value. */
class DirectoryTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Tenant ACME = new Tenant(1, "Acme", "acme.example.com");
    private static final User ANN = new User(10, 1, "1001", "Ann", null, CallSettings.defaults());
    private static final User BOB = new User(11, 1, "1002", "Bob", null, CallSettings.defaults());
    private static final Device ANN_DESK = device(100, ANN, "1001", "md5-a");
    private static final Device ANN_MOBILE = device(101, ANN, "1001-2", "md5-b");
    private static final Device BOB_DESK = device(102, BOB, "1002", "md5-c");

    private final Directory directory = new Directory();

    private static Device device(long id, User u, String sipUsername, String ha1Md5) {
        return new Device(id, u.tenantId(), u.id(), sipUsername, ha1Md5, "sha-" + ha1Md5, AT);
    }

    private void apply(Kind kind, Tenant t) {
        directory.apply(new TenantEvent(kind, t, AT));
    }

    private void apply(Kind kind, User u) {
        directory.apply(new UserEvent(kind, u, AT));
    }

    private void apply(Kind kind, Device d) {
        directory.apply(new DeviceEvent(kind, d, null, AT));
    }

    @BeforeEach
    void acmeWithAnnAndBob() {
        apply(Kind.CREATED, ACME);
        apply(Kind.CREATED, ANN);
        apply(Kind.CREATED, BOB);
        apply(Kind.CREATED, ANN_DESK);
        apply(Kind.CREATED, ANN_MOBILE);
        apply(Kind.CREATED, BOB_DESK);
    }

    @Test
    void createdValuesAreFoundByIdAndByTheirSipNames() {
        assertThat(directory.tenant(1)).contains(ACME);
        assertThat(directory.tenantByDomain("ACME.example.com")).contains(ACME);
        assertThat(directory.userByExtension(1, "1002")).contains(BOB);
        assertThat(directory.deviceBySipUsername(1, "1001-2")).contains(ANN_MOBILE);
        assertThat(directory.devicesOf(ANN.id())).containsExactly(ANN_DESK, ANN_MOBILE);
    }

    @Test
    void aChangedTenantDomainMovesTheDomainIndex() {
        Tenant renamed = new Tenant(1, "Acme Ltd", "acme.example.org");

        apply(Kind.CHANGED, renamed);

        assertThat(directory.tenant(1)).contains(renamed);
        assertThat(directory.tenantByDomain("acme.example.org")).contains(renamed);
        assertThat(directory.tenantByDomain("acme.example.com")).isEmpty();
        assertThat(directory.tenants()).containsExactly(renamed);
    }

    @Test
    void aChangedExtensionFreesTheOldOne() {
        User moved = new User(ANN.id(), 1, "1009", "Ann", "ann@example.com", CallSettings.defaults());

        apply(Kind.CHANGED, moved);

        assertThat(directory.userByExtension(1, "1009")).contains(moved);
        assertThat(directory.userByExtension(1, "1001")).isEmpty();
        assertThat(directory.user(ANN.id())).contains(moved);
        assertThat(directory.devicesOf(ANN.id())).as("devices stay with their user").hasSize(2);
    }

    @Test
    void aChangedDeviceReplacesItsHashes() {
        Device newPassword = device(ANN_DESK.id(), ANN, "1001", "md5-new");

        apply(Kind.CHANGED, newPassword);

        assertThat(directory.deviceBySipUsername(1, "1001")).get().extracting(Device::ha1Md5).isEqualTo("md5-new");
        assertThat(directory.device(ANN_DESK.id())).contains(newPassword);
    }

    @Test
    void aDeletedDeviceIsGoneAndItsUserKeepsTheOthers() {
        apply(Kind.DELETED, ANN_DESK);

        assertThat(directory.device(ANN_DESK.id())).isEmpty();
        assertThat(directory.deviceBySipUsername(1, "1001")).isEmpty();
        assertThat(directory.devicesOf(ANN.id())).containsExactly(ANN_MOBILE);
    }

    @Test
    void aDeletedUserTakesItsDevicesAlong() {
        apply(Kind.DELETED, ANN);

        assertThat(directory.user(ANN.id())).isEmpty();
        assertThat(directory.userByExtension(1, "1001")).isEmpty();
        assertThat(directory.deviceBySipUsername(1, "1001")).isEmpty();
        assertThat(directory.deviceBySipUsername(1, "1001-2")).isEmpty();
        assertThat(directory.devicesOf(BOB.id())).containsExactly(BOB_DESK);
    }

    @Test
    void aDeletedTenantTakesItsUsersAndDevicesAlong() {
        Tenant other = new Tenant(2, "Other", "other.example.com");
        User carol = new User(12, 2, "1001", "Carol", null, CallSettings.defaults());
        apply(Kind.CREATED, other);
        apply(Kind.CREATED, carol);

        apply(Kind.DELETED, ACME);

        assertThat(directory.tenant(1)).isEmpty();
        assertThat(directory.tenantByDomain("acme.example.com")).isEmpty();
        assertThat(directory.user(ANN.id())).isEmpty();
        assertThat(directory.user(BOB.id())).isEmpty();
        assertThat(directory.device(BOB_DESK.id())).isEmpty();
        assertThat(directory.userByExtension(2, "1001")).as("the same extension in another tenant").contains(carol);
        assertThat(directory.defaultTenant()).contains(other);
    }

    @Test
    void deletingWhatIsNotThereChangesNothing() {
        apply(Kind.DELETED, new User(99, 1, "1001", "Stranger", null, CallSettings.defaults()));

        assertThat(directory.userByExtension(1, "1001")).contains(ANN);
        assertThat(directory.devicesOf(ANN.id())).hasSize(2);
    }
}
