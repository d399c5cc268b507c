package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.Call;
import com.crosspoint.console.client.CallMedia;
import com.crosspoint.console.client.CallQuality;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static com.crosspoint.console.viewmodel.Fixtures.call;
import static com.crosspoint.console.viewmodel.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

class LiveCallsViewModelTest {
    private final MutableClock clock = new MutableClock(T0.plusSeconds(5));
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final LiveCallsViewModel vm = new LiveCallsViewModel(() -> api, Runnable::run, clock);

    private final Call aliceToBob = call("c1@host", "1001", "Alice Example", "1002", "1002", "ANSWERED", T0, "PCMU");
    private final Call carolToDan = call("c2@host", "1003", null, "1004", null, "RINGING", T0.plusSeconds(3), null);

    private List<String> callers() {
        return vm.calls().stream().map(r -> r.callerProperty().get()).toList();
    }

    @Test
    void snapshotReplacesEverythingThatWasThere() {
        vm.replace(List.of(aliceToBob));
        vm.apply(change("call.setup", carolToDan));
        assertThat(vm.size()).isEqualTo(2);

        Call eve = call("c3@host", "1005", "Eve", "1001", null, "SETUP", T0, null);
        vm.replace(List.of(eve));
        assertThat(callers()).containsExactly("Eve (1005)");
        // The end of a call the fresh snapshot no longer has changes nothing.
        vm.apply(change("call.ended", aliceToBob));
        assertThat(vm.size()).isEqualTo(1);
    }

    @Test
    void rowsShowPartiesStateStartAndCodec() {
        vm.replace(List.of(aliceToBob, carolToDan));
        CallRow a = vm.calls().get(0);
        assertThat(a.callerProperty().get()).isEqualTo("Alice Example (1001)");
        assertThat(a.calleeProperty().get()).isEqualTo("1002");
        assertThat(a.stateProperty().get()).isEqualTo("ANSWERED");
        assertThat(a.startedProperty().get()).isEqualTo("10:00:00");
        assertThat(a.codecProperty().get()).isEqualTo("PCMU");
        assertThat(a.tenantProperty().get()).isEqualTo("1");
        CallRow c = vm.calls().get(1);
        assertThat(c.callerProperty().get()).isEqualTo("1003");
        assertThat(c.codecProperty().get()).isEmpty();
    }

    @Test
    void deltasAddUpdateAndRemoveInPlace() {
        vm.replace(List.of());
        Call setup = call("c9@host", "1001", "Alice", "1002", null, "SETUP", T0, null);
        vm.apply(change("call.setup", setup));
        CallRow row = vm.calls().get(0);
        assertThat(row.stateProperty().get()).isEqualTo("SETUP");

        vm.apply(change("call.ringing", call("c9@host", "1001", "Alice", "1002", null, "RINGING", T0, null)));
        vm.apply(change("call.answered", call("c9@host", "1001", "Alice", "1002", "1003", "ANSWERED", T0, "PCMA")));
        assertThat(vm.calls()).containsExactly(row);
        assertThat(row.stateProperty().get()).isEqualTo("ANSWERED");
        assertThat(row.calleeProperty().get()).isEqualTo("1002 → 1003");
        assertThat(row.codecProperty().get()).isEqualTo("PCMA");
        assertThat(row.mosProperty().get()).as("no quality for a call the appliance does not anchor").isEmpty();

        Call measured = call("c9@host", "1001", "Alice", "1002", "1003", "ANSWERED", T0, "PCMA");
        vm.apply(change("call.answered", new Call(measured.callId(), measured.tenantId(), measured.caller(),
                measured.callerName(), measured.callee(), null, measured.connectedTo(), null, measured.state(),
                measured.startedAt(), measured.answeredAt(), measured.codec(), new CallQuality(3.8547, 5.0, 1.2, null),
                true)));
        assertThat(vm.calls()).containsExactly(row);
        assertThat(row.mosProperty().get()).isEqualTo("3.85");

        vm.selectedProperty().set(row);
        vm.apply(change("call.ended", call("c9@host", "1001", "Alice", "1002", "1003", "ENDED", T0, "PCMA")));
        assertThat(vm.calls()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.canHangUpProperty().get()).isFalse();
    }

    @Test
    void durationTicksWithTheClock() {
        vm.replace(List.of(aliceToBob));
        CallRow row = vm.calls().get(0);
        assertThat(row.durationProperty().get()).isEqualTo("0:05");
        vm.tick(T0.plusSeconds(65));
        assertThat(row.durationProperty().get()).isEqualTo("1:05");
        assertThat(row.durationSecondsProperty().get()).isEqualTo(65);
        vm.tick(T0.plus(Duration.ofHours(1).plusSeconds(62)));
        assertThat(row.durationProperty().get()).isEqualTo("1:01:02");
        // A call that joins later starts from the last tick, not from construction time.
        vm.apply(change("call.setup", call("c5@host", "1007", null, "1008", null, "SETUP", T0.plus(Duration.ofHours(1)), null)));
        assertThat(vm.calls().get(1).durationProperty().get()).isEqualTo("1:02");
    }

    @Test
    void filterMatchesNamesExtensionsStateAndCodecIgnoringCase() {
        vm.replace(List.of(aliceToBob, carolToDan));
        vm.filterProperty().set("alice");
        assertThat(callers()).containsExactly("Alice Example (1001)");
        vm.filterProperty().set("1004");
        assertThat(callers()).containsExactly("1003");
        vm.filterProperty().set("pcmu");
        assertThat(callers()).containsExactly("Alice Example (1001)");
        vm.filterProperty().set("ringing");
        assertThat(callers()).containsExactly("1003");
        vm.filterProperty().set("nobody");
        assertThat(vm.calls()).isEmpty();
        // New calls are filtered too.
        vm.filterProperty().set("eve");
        vm.apply(change("call.setup", call("c3@host", "1005", "Eve", "1001", null, "SETUP", T0, null)));
        assertThat(callers()).containsExactly("Eve (1005)");
        vm.filterProperty().set("");
        assertThat(vm.calls()).hasSize(3);
    }

    /** Issue 10: "bob", the callee's display name, found nothing; a blank MOS did not say why. */
    @Test
    void theFilterFindsTheCalleesNameAndARelayedCallSaysItIsNotAnchored() {
        Call toBob = new Call("c7@host", 1, "1001", "Alice", "1002", "Bob", "1003", "Carol", "ANSWERED", T0, T0,
                "PCMU", null, false);
        vm.replace(List.of(toBob, carolToDan));
        vm.filterProperty().set("bob");
        assertThat(callers()).containsExactly("Alice (1001)");
        assertThat(vm.calls().get(0).calleeProperty().get()).isEqualTo("Bob (1002) → Carol (1003)");
        vm.filterProperty().set("carol");
        assertThat(callers()).as("the name of whom the call was connected to").containsExactly("Alice (1001)");
        vm.filterProperty().set("");
        assertThat(vm.calls().stream().filter(r -> r.callId().equals("c7@host")).findFirst().orElseThrow()
                .mosProperty().get()).isEqualTo("not anchored");
    }

    /** Issue 11: the NAT doctor for calls says how the audio travels and which phones are behind NAT. */
    @Test
    void aCallSaysWhetherItsAudioIsRelayedAndWhichPhonesAreBehindNat() {
        CallMedia relayed = new CallMedia("RELAYED", "anchored: relayed through the appliance; …", List.of(
                new CallMedia.Party("1001", true, List.of("its SDP names 192.168.77.10, its SIP comes from 10.200.0.2"),
                        "192.168.77.10:4000", "10.200.0.2:40123", 1),
                new CallMedia.Party("1002", false, List.of(), "10.200.0.21:4000", "10.200.0.21:4000", 1)));
        Call call = new Call("c8@host", 1, "1001", "Alice", "1002", "Bob", "1002", "Bob", "ANSWERED", T0, T0,
                "PCMU", null, true, relayed);
        Call direct = new Call("c9@host", 1, "1003", "Carol", "1004", null, "1004", null, "ANSWERED", T0, T0,
                "PCMU", null, false, new CallMedia("DIRECT", "not anchored", List.of()));
        vm.replace(List.of(call, direct));

        assertThat(row("c8@host").mediaProperty().get()).isEqualTo("relayed · NAT: 1001");
        assertThat(row("c9@host").mediaProperty().get()).isEqualTo("direct");
    }

    private CallRow row(String callId) {
        return vm.calls().stream().filter(r -> r.callId().equals(callId)).findFirst().orElseThrow();
    }

    @Test
    void hangUpAsksTheApplianceForThatCallOfThatTenant() {
        vm.replace(List.of(aliceToBob));
        CallRow row = vm.calls().get(0);
        vm.selectedProperty().set(row);
        assertThat(vm.canHangUpProperty().get()).isTrue();
        assertThat(vm.hangUpQuestion(row)).isEqualTo("Hang up the call from Alice Example (1001) to 1002 (answered, 0:05)?");

        CompletableFuture<Void> done = vm.hangUp(row);
        assertThat(api.hangUps).containsExactly("1/c1@host");
        assertThat(done).isNotDone();
        api.hangUpResults.get(0).complete(null);
        assertThat(done).isCompleted();
        assertThat(vm.messageProperty().get()).startsWith("Hung up Alice Example (1001)");
        // The row stays until the appliance reports call.ended.
        assertThat(vm.calls()).containsExactly(row);
    }

    @Test
    void aFailedHangUpIsReported() {
        vm.replace(List.of(aliceToBob));
        CompletableFuture<Void> done = vm.hangUp(vm.calls().get(0));
        api.hangUpResults.get(0).completeExceptionally(new ApiException(404, "no call c1@host in tenant 1", null));
        assertThat(done).isCompletedExceptionally();
        assertThat(vm.messageProperty().get()).isEqualTo("Hang-up failed: no call c1@host in tenant 1");
    }
}
