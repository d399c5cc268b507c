package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApplianceStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class StatusViewModelTest {
    private final StatusViewModel vm = new StatusViewModel("olga (operator) @ pbx:8080");

    @Test
    void backoffDoublesFromOneToThirtySecondsAndResets() {
        Backoff b = new Backoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(b.next().toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withoutStatusEndpointCountersComeFromTheStreamAndCallsTodayIsUnknown() {
        assertThat(vm.callsNowProperty().get()).isEqualTo("—");
        vm.localCounts(3, 1);
        vm.serverStatus(Optional.empty());
        assertThat(vm.registeredDevicesProperty().get()).isEqualTo("3");
        assertThat(vm.callsNowProperty().get()).isEqualTo("1");
        assertThat(vm.callsTodayProperty().get()).isEqualTo("—");
    }

    @Test
    void callsTodayComesFromTheApplianceDevicesAndCallsFromTheLiveStream() {
        vm.localCounts(3, 1);
        vm.serverStatus(Optional.of(new ApplianceStatus(4, 2, 17, T0)));
        assertThat(vm.callsTodayProperty().get()).isEqualTo("17");
        // The appliance's sample lags the stream: the live figures stay.
        assertThat(vm.registeredDevicesProperty().get()).isEqualTo("3");
        assertThat(vm.callsNowProperty().get()).isEqualTo("1");
        vm.localCounts(3, 2);
        assertThat(vm.callsNowProperty().get()).isEqualTo("2");
        assertThat(vm.callsTodayProperty().get()).isEqualTo("17");
        // An appliance downgraded to one without /status: calls today unknown again.
        vm.serverStatus(Optional.empty());
        assertThat(vm.callsTodayProperty().get()).isEqualTo("—");
    }

    @Test
    void disconnectedShowsTheReconnectCountdown() {
        vm.connected(T0);
        assertThat(vm.connectionProperty().get()).isEqualTo("Connected: olga (operator) @ pbx:8080");
        vm.disconnected("no answer", T0, T0.plusSeconds(4));
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(vm.connectionProperty().get()).isEqualTo("Disconnected (no answer) — reconnecting in 4 s");
        vm.tick(T0.plusMillis(1500));
        assertThat(vm.connectionProperty().get()).endsWith("reconnecting in 3 s");
        vm.tick(T0.plusSeconds(4));
        assertThat(vm.connectionProperty().get()).endsWith("reconnecting in 0 s");
        vm.connecting();
        assertThat(vm.connectionProperty().get()).isEqualTo("Disconnected (no answer) — reconnecting now…");
        vm.connected(T0.plusSeconds(5));
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void oneAlarmWhenTheApplianceGoesAndOneWhenItIsBack() {
        vm.connected(T0);
        assertThat(vm.alarms()).isEmpty();
        vm.disconnected("no answer", T0, T0.plusSeconds(1));
        vm.disconnected("no answer", T0.plusSeconds(1), T0.plusSeconds(3));
        vm.disconnected("no answer", T0.plusSeconds(3), T0.plusSeconds(7));
        assertThat(vm.alarms()).extracting(Alarm::title).containsExactly("Appliance unreachable");
        assertThat(vm.alarms().get(0).severity()).isEqualTo(Alarm.Severity.WARNING);
        assertThat(vm.alarms().get(0).text()).contains("pbx:8080").contains("no answer");

        vm.connected(T0.plusSeconds(8));
        assertThat(vm.alarms()).extracting(Alarm::title).containsExactly("Appliance unreachable", "Reconnected");
        assertThat(vm.alarms().get(1).severity()).isEqualTo(Alarm.Severity.INFO);
        vm.connected(T0.plusSeconds(9));
        assertThat(vm.alarms()).hasSize(2);
    }
}
