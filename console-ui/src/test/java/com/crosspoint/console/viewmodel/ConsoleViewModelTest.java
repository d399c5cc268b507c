package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.ApplianceStatus;
import com.crosspoint.console.client.EventStreamListener;
import com.crosspoint.console.client.UnreachableException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static com.crosspoint.console.viewmodel.Fixtures.call;
import static com.crosspoint.console.viewmodel.Fixtures.change;
import static com.crosspoint.console.viewmodel.Fixtures.registration;
import static com.crosspoint.console.viewmodel.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleViewModelTest {
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final MutableClock clock = new MutableClock(T0);
    private final ConsoleSession session = new ConsoleSession(api, URI.create("http://pbx:8080/"), "olga", "pw",
            Fixtures.login("olga", "OPERATOR", null));
    private final ConsoleViewModel vm = new ConsoleViewModel(session, Runnable::run, scheduler, clock);

    private static UnreachableException refused() {
        return new UnreachableException(URI.create("ws://pbx:8080/api/v1/events"), new ConnectException("Connection refused"));
    }

    private List<Long> scheduledSeconds() {
        return scheduler.tasks.stream().map(t -> t.delay.toSeconds()).toList();
    }

    @Test
    void firstSnapshotFillsTheTablesAndConnects() {
        vm.start();
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        EventStreamListener stream = api.openLatest();
        stream.onEvent(snapshot(List.of(registration("1001", "<sip:1001@h>", T0.plusSeconds(60), 1)),
                List.of(call("c1", "1001", "Alice", "1002", null, "RINGING", T0, null))));
        assertThat(vm.firstSnapshot()).isCompleted();
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(vm.liveCalls().calls()).hasSize(1);
        assertThat(vm.registrations().registrations()).hasSize(1);
        assertThat(vm.liveCalls().showTenantProperty().get()).isTrue();
        assertThat(api.statusRequests).hasSize(1);
        api.statusRequests.get(0).complete(Optional.empty());
        assertThat(vm.status().registeredDevicesProperty().get()).isEqualTo("1");
        assertThat(vm.status().callsNowProperty().get()).isEqualTo("1");
        assertThat(vm.status().callsTodayProperty().get()).isEqualTo("—");
    }

    @Test
    void failedAttemptsBackOffExponentiallyUpToThirtySeconds() {
        vm.start();
        for (int i = 0; i < 7; i++) {
            api.failLatest(refused());
            assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
            scheduler.runPending();
        }
        assertThat(scheduledSeconds()).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(api.streams).hasSize(8);
        assertThat(vm.status().alarms()).extracting(Alarm::title).containsExactly("Appliance unreachable");
    }

    @Test
    void aSuccessfulConnectionResetsTheBackoffAndATakesAFreshSnapshotAfterALoss() {
        vm.start();
        api.failLatest(refused());
        scheduler.runPending();
        api.failLatest(refused());
        scheduler.runPending();
        EventStreamListener first = api.openLatest();
        first.onEvent(snapshot(List.of(), List.of(call("old", "1001", null, "1002", null, "ANSWERED", T0, null))));
        assertThat(vm.status().alarms()).extracting(Alarm::title).containsExactly("Appliance unreachable", "Reconnected");

        first.onClosed(1013, "event stream overflow: reconnect for a fresh snapshot");
        assertThat(vm.status().connectionProperty().get()).isEqualTo(
                "Disconnected (stream overflow) — reconnecting in 1 s");
        assertThat(scheduledSeconds()).containsExactly(1L, 2L, 1L);
        // Frames of the lost connection that were still on their way change nothing.
        first.onEvent(change("call.setup", call("ghost", "1009", null, "1002", null, "SETUP", T0, null)));
        assertThat(vm.liveCalls().calls()).extracting(CallRow::callId).containsExactly("old");

        scheduler.runPending();
        EventStreamListener second = api.openLatest();
        second.onEvent(snapshot(List.of(), List.of(call("new", "1003", null, "1004", null, "SETUP", T0, null))));
        assertThat(vm.liveCalls().calls()).extracting(CallRow::callId).containsExactly("new");
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aLoginTheApplianceForgotIsRenewedBeforeReconnecting() {
        vm.start();
        api.openLatest().onEvent(snapshot(List.of(), List.of()));
        api.streams.get(0).onClosed(-1, "Connection reset");
        scheduler.runPending();
        api.failLatest(new ApiException(401, "login required", null));
        assertThat(api.logins).containsExactly("olga:pw");
        api.loginResults.get(0).complete(Fixtures.login("olga", "OPERATOR", null));
        assertThat(api.streams).hasSize(3);
        api.openLatest().onEvent(snapshot(List.of(), List.of()));
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aRefusedRenewedLoginCountsAsAFailedAttempt() {
        vm.start();
        api.failLatest(new ApiException(401, "login required", null));
        api.loginResults.get(0).completeExceptionally(new ApiException(401, "wrong username or password", null));
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(vm.status().connectionProperty().get()).contains("HTTP 401");
        assertThat(scheduledSeconds()).containsExactly(1L);
    }

    @Test
    void statusIsRefreshedOnCallEventsAtMostEveryTwoSeconds() {
        vm.start();
        EventStreamListener stream = api.openLatest();
        stream.onEvent(snapshot(List.of(), List.of()));
        assertThat(api.statusRequests).hasSize(1);
        api.statusRequests.get(0).complete(Optional.of(new ApplianceStatus(5, 0, 9, T0)));
        assertThat(vm.status().callsTodayProperty().get()).isEqualTo("9");

        clock.advance(Duration.ofMillis(500));
        stream.onEvent(change("call.setup", call("c1", "1001", null, "1002", null, "SETUP", T0, null)));
        stream.onEvent(change("call.ringing", call("c1", "1001", null, "1002", null, "RINGING", T0, null)));
        stream.onEvent(change("call.answered", call("c1", "1001", null, "1002", null, "ANSWERED", T0, null)));
        assertThat(api.statusRequests).hasSize(1);
        assertThat(scheduler.pending()).hasSize(1);
        assertThat(scheduler.pending().get(0).delay).isEqualTo(Duration.ofMillis(1500));

        clock.advance(Duration.ofMillis(1500));
        scheduler.runPending();
        assertThat(api.statusRequests).hasSize(2);
        api.statusRequests.get(1).complete(Optional.of(new ApplianceStatus(5, 1, 10, T0)));
        assertThat(vm.status().callsNowProperty().get()).isEqualTo("1");
        assertThat(vm.status().callsTodayProperty().get()).isEqualTo("10");

        clock.advance(Duration.ofSeconds(3));
        stream.onEvent(change("call.ended", call("c1", "1001", null, "1002", null, "ENDED", T0, null)));
        assertThat(api.statusRequests).hasSize(3);
    }

    @Test
    void registrationEventsCountLocallyWithoutAskingForStatus() {
        vm.start();
        EventStreamListener stream = api.openLatest();
        stream.onEvent(snapshot(List.of(), List.of()));
        api.statusRequests.get(0).complete(Optional.of(new ApplianceStatus(0, 0, 3, T0)));
        clock.advance(Duration.ofSeconds(10));
        stream.onEvent(Fixtures.regChange("registration.added", registration("1001", "<sip:1001@h>", T0.plusSeconds(60), 1)));
        stream.onEvent(Fixtures.regChange("registration.added", registration("1002", "<sip:1002@h>", T0.plusSeconds(60), 2)));
        assertThat(vm.status().registeredDevicesProperty().get()).isEqualTo("2");
        stream.onEvent(Fixtures.regChange("registration.expired", registration("1001", "<sip:1001@h>", T0.plusSeconds(60), 1)));
        assertThat(vm.status().registeredDevicesProperty().get()).isEqualTo("1");
        assertThat(api.statusRequests).hasSize(1);
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void aConnectionThatWentSilentIsDroppedAndRetried() {
        vm.start();
        EventStreamListener stream = api.openLatest();
        stream.onEvent(snapshot(List.of(), List.of()));
        vm.tick(T0.plusSeconds(75));
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        clock.advance(Duration.ofSeconds(60));
        stream.onPing();
        vm.tick(T0.plusSeconds(135));
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        vm.tick(T0.plusSeconds(136));
        assertThat(vm.status().stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(vm.status().connectionProperty().get()).contains("nothing heard for 75 s");
        assertThat(api.closedSubscriptions).isEqualTo(1);
        scheduler.runPending();
        assertThat(api.streams).hasSize(2);
    }

    @Test
    void stopClosesTheStreamAndCancelsTheRetry() {
        vm.start();
        api.openLatest().onEvent(snapshot(List.of(), List.of()));
        vm.stop();
        assertThat(api.closedSubscriptions).isEqualTo(1);

        ConsoleViewModel other = new ConsoleViewModel(session, Runnable::run, scheduler, clock);
        other.start();
        api.failLatest(refused());
        other.stop();
        assertThat(scheduler.pending()).isEmpty();
    }
}
