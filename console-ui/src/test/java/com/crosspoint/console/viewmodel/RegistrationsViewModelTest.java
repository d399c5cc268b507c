package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.NatFinding;
import com.crosspoint.console.client.Registration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static com.crosspoint.console.viewmodel.Fixtures.regChange;
import static com.crosspoint.console.viewmodel.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationsViewModelTest {
    private final MutableClock clock = new MutableClock(T0);
    private final RegistrationsViewModel vm = new RegistrationsViewModel(clock);

    private final Registration alice = registration("1001",
            "<sip:1001@192.0.2.44:5062;transport=udp>;+sip.instance=\"<urn:uuid:0f3c>\"", T0.plusSeconds(3600), 12);
    private final Registration bob = registration("1002", "<sip:1002@192.0.2.45:5064>", T0.plusSeconds(90), 13);

    @Test
    void rowsShowTheDeviceAndItsContact() {
        vm.replace(List.of(alice));
        RegistrationRow row = vm.registrations().get(0);
        assertThat(row.extensionProperty().get()).isEqualTo("1001");
        assertThat(row.sipUsernameProperty().get()).isEqualTo("1001");
        assertThat(row.contactProperty().get()).isEqualTo("sip:1001@192.0.2.44:5062;transport=udp");
        assertThat(row.transportProperty().get()).isEqualTo("UDP");
        assertThat(row.userAgentProperty().get()).isEqualTo("baresip v1.0.0");
        assertThat(row.expiresInProperty().get()).isEqualTo("1:00:00");
    }

    @Test
    void countdownTicksToExpired() {
        vm.replace(List.of(bob));
        RegistrationRow row = vm.registrations().get(0);
        assertThat(row.expiresInProperty().get()).isEqualTo("1:30");
        vm.tick(T0.plusSeconds(31));
        assertThat(row.expiresInProperty().get()).isEqualTo("0:59");
        assertThat(row.expiresInSecondsProperty().get()).isEqualTo(59);
        vm.tick(T0.plusSeconds(95));
        assertThat(row.expiresInProperty().get()).isEqualTo("expired");
    }

    @Test
    void deltasAddRefreshAndRemove() {
        vm.replace(List.of(alice));
        vm.apply(regChange("registration.added", bob));
        assertThat(vm.registrations()).hasSize(2);
        assertThat(vm.registeredDevices()).isEqualTo(2);

        RegistrationRow bobRow = vm.registrations().get(1);
        vm.apply(regChange("registration.refreshed", registration("1002", "<sip:1002@192.0.2.45:5064>", T0.plusSeconds(600), 13)));
        assertThat(vm.registrations()).hasSize(2).contains(bobRow);
        assertThat(bobRow.expiresInProperty().get()).isEqualTo("10:00");

        vm.apply(regChange("registration.expired", bob));
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1001");
        vm.apply(regChange("registration.removed", alice));
        assertThat(vm.registrations()).isEmpty();
        assertThat(vm.registeredDevices()).isZero();
    }

    @Test
    void aDeviceWithTwoContactsCountsOnce() {
        Registration second = registration("1001", "<sip:1001@198.51.100.7:5060>", T0.plusSeconds(60), 12);
        vm.replace(List.of(alice, second, bob));
        assertThat(vm.registrations()).hasSize(3);
        assertThat(vm.registeredDevices()).isEqualTo(2);
    }

    @Test
    void snapshotReplaces() {
        vm.replace(List.of(alice, bob));
        vm.replace(List.of(bob));
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1002");
    }

    @Test
    void filterLooksAtExtensionUserContactAndAgent() {
        Registration linphone = new Registration(1, "sip:1003@acme", "<sip:1003@10.0.0.9:5070;transport=tcp>", T0.plusSeconds(60),
                "TCP", "10.0.0.9:5070", "Linphone/5.2", "1003", 14, "desk-1003");
        vm.replace(List.of(alice, bob, linphone));
        vm.filterProperty().set("LINPHONE");
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1003");
        vm.filterProperty().set("desk-");
        assertThat(vm.registrations()).hasSize(1);
        vm.filterProperty().set("192.0.2.45");
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1002");
        vm.filterProperty().set("tcp");
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1003");
        vm.filterProperty().set(" ");
        assertThat(vm.registrations()).hasSize(3);
    }

    @Test
    void aRegistrationWhoseDeviceWasDeletedStillShows() {
        vm.replace(List.of(new Registration(1, "sip:1009@acme", "<sip:1009@10.0.0.1>", T0.plusSeconds(30), "UDP",
                "10.0.0.1:5060", null, null, 0, null)));
        RegistrationRow row = vm.registrations().get(0);
        assertThat(row.extensionProperty().get()).isEqualTo("(deleted)");
        assertThat(row.userAgentProperty().get()).isEmpty();
    }

    @Test
    void natColumnShowsTheSummaryAndTheEvidenceAsDetail() {
        NatFinding nat = new NatFinding("NAT_PORT_CHANGING", "symmetric NAT (ports change)",
                "symmetric NAT (ports change): flow routing, keepalive pings",
                List.of(new NatFinding.Evidence("PORT_NOT_PRESERVED", "The NAT mapped the device's port 5060 to 17706.")),
                List.of("FLOW_ROUTING", "KEEPALIVE_PINGS"));
        vm.replace(List.of(new Registration(1, "sip:1005@acme", "<sip:1005@192.168.77.10:5060>", T0.plusSeconds(60),
                "UDP", "10.200.0.2:17706", "baresip", "1005", 15, "1005", nat), bob));

        RegistrationRow natted = vm.registrations().stream().filter(r -> r.extensionProperty().get().equals("1005"))
                .findFirst().orElseThrow();
        assertThat(natted.natProperty().get()).isEqualTo("symmetric NAT (ports change): flow routing, keepalive pings");
        assertThat(natted.natDetailProperty().get())
                .isEqualTo("The NAT mapped the device's port 5060 to 17706.\nApplied: flow routing, keepalive pings");
        assertThat(vm.registrations().stream().filter(r -> r.extensionProperty().get().equals("1002")).findFirst()
                .orElseThrow().natProperty().get()).as("no finding reported: empty").isEmpty();
        vm.filterProperty().set("symmetric");
        assertThat(vm.registrations()).extracting(r -> r.extensionProperty().get()).containsExactly("1005");
    }
}
