package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdAgent;
import com.crosspoint.console.client.AcdBoard;
import com.crosspoint.console.client.AcdQueueFigures;
import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.StreamEvent;
import com.crosspoint.console.client.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class AcdViewModelTest {
    private final MutableClock clock = new MutableClock(T0);
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final AcdViewModel vm = new AcdViewModel(() -> api, Runnable::run, clock, 7L);

    private static AcdQueueFigures figures(int waiting, double level) {
        return new AcdQueueFigures(3, "600", "Support", waiting, 0, 10, 8, 2, 0, 8, level, 6.5,
                Map.of("AVAILABLE", 2, "PAUSED", 1, "LOGGED_OUT", 4));
    }

    private static AcdAgent agent(long id, String ext, String status, String reason, Instant since) {
        return new AcdAgent(id, ext, status, reason, 0, since, 3, 1, 3);
    }

    private static AcdBoard.WaitingCaller caller(long entry, int position, String number, String name, Instant at) {
        return new AcdBoard.WaitingCaller(entry, position, number, name, at, false);
    }

    @Test
    void theBoardShowsQueuesWaitingCallersAndAgentsAndTheWaitsCountOn() {
        vm.start();
        assertThat(api.boardRequests).containsExactly(7L);
        api.answerBoard(new AcdBoard(T0, List.of(new AcdBoard.QueueBoard(figures(2, 80.0), 20, List.of(
                caller(11, 1, "+15550001", "Ann", T0.minusSeconds(65)),
                caller(12, 2, "+15550002", "", T0.minusSeconds(5))))),
                List.of(agent(21, "1001", "PAUSED", "lunch", T0.minusSeconds(30)))));

        AcdQueueRow q = vm.queues().get(0);
        assertThat(q.nameProperty().get()).isEqualTo("Support");
        assertThat(q.waitingProperty().get()).isEqualTo("2");
        assertThat(q.longestWaitProperty().get()).isEqualTo("1:05");
        assertThat(q.serviceLevelProperty().get()).isEqualTo("80 % in 20 s");
        assertThat(q.serviceLevelGaugeProperty().get()).isEqualTo(0.8);
        assertThat(q.belowTargetProperty().get()).isFalse();
        assertThat(q.agentsProperty().get()).isEqualTo("2 available · 1 paused");
        assertThat(q.handledProperty().get()).isEqualTo("10 offered · 8 answered · 2 abandoned · 0 overflowed · ASA 6.5 s");
        assertThat(vm.waiting()).extracting(w -> w.callerProperty().get())
                .containsExactly("Ann (+15550001)", "+15550002");
        assertThat(vm.waiting().get(1).waitedProperty().get()).isEqualTo("0:05");
        AgentRow a = vm.agents().get(0);
        assertThat(a.statusProperty().get()).isEqualTo("paused");
        assertThat(a.reasonProperty().get()).isEqualTo("lunch");
        assertThat(a.inStatusProperty().get()).isEqualTo("0:30");

        clock.advance(Duration.ofSeconds(3));
        vm.tick(clock.instant());
        assertThat(vm.waiting().get(0).waitedProperty().get()).isEqualTo("1:08");
        assertThat(q.longestWaitProperty().get()).isEqualTo("1:08");
        assertThat(a.inStatusProperty().get()).isEqualTo("0:33");
    }

    @Test
    void waitsAreCountedFromTheAppliancesClockWhenTheConsolesDiffers() {
        vm.start();
        Instant applianceNow = T0.minusSeconds(100); // the appliance's clock is 100 s behind
        api.answerBoard(new AcdBoard(applianceNow, List.of(new AcdBoard.QueueBoard(figures(1, 100), 20,
                List.of(caller(11, 1, "+1", "", applianceNow.minusSeconds(7))))), List.of()));
        assertThat(vm.waiting().get(0).waitedProperty().get()).isEqualTo("0:07");
    }

    @Test
    void anAgentFrameChangesTheAgentAtOnceAndAQueueFrameReadsTheBoardAgainOneAtATime() {
        vm.start();
        api.answerBoard(new AcdBoard(T0, List.of(new AcdBoard.QueueBoard(figures(0, 100), 20, List.of())),
                List.of(agent(21, "1001", "LOGGED_OUT", null, T0))));

        vm.apply(new StreamEvent.AcdChange("acd.agent", 5, T0, 7, agent(21, "1001", "AVAILABLE", null, T0), null));
        assertThat(vm.agents().get(0).statusProperty().get()).isEqualTo("available");
        vm.apply(new StreamEvent.AcdChange("acd.agent", 6, T0, 8, agent(99, "2001", "AVAILABLE", null, T0), null));
        assertThat(vm.agents()).hasSize(1); // another tenant's agent

        vm.apply(new StreamEvent.AcdChange("acd.queue", 7, T0, 7, null, figures(1, 50)));
        vm.apply(new StreamEvent.AcdChange("acd.queue", 8, T0, 7, null, figures(2, 50)));
        assertThat(vm.queues().get(0).waitingProperty().get()).isEqualTo("2");
        assertThat(vm.queues().get(0).belowTargetProperty().get()).isTrue();
        assertThat(api.boardRequests).hasSize(2); // the second frame waits for the read under way
        api.answerBoard(new AcdBoard(T0, List.of(new AcdBoard.QueueBoard(figures(2, 50), 20, List.of(
                caller(11, 1, "+1", "", T0), caller(12, 2, "+2", "", T0)))), List.of()));
        assertThat(api.boardRequests).hasSize(3);
        assertThat(vm.waiting()).hasSize(2);
        assertThat(vm.agents()).isEmpty(); // the board no longer lists the agent
    }

    @Test
    void aSupervisorLogsAnAgentOutAndARefusalIsSaid() {
        vm.start();
        api.answerBoard(new AcdBoard(T0, List.of(), List.of(agent(21, "1001", "AVAILABLE", null, T0))));
        assertThat(vm.stateProperty().get()).isEqualTo("This tenant has no queues.");
        AgentRow row = vm.agents().get(0);
        vm.selectedAgentProperty().set(row);
        assertThat(vm.canLogOutProperty().get()).isTrue();

        vm.logOut(row);
        assertThat(api.agentChanges).containsExactly("7/21=LOGGED_OUT");
        assertThat(vm.canLogOutProperty().get()).isFalse();
        api.agentResults.get(0).complete(agent(21, "1001", "LOGGED_OUT", null, T0));
        assertThat(row.statusProperty().get()).isEqualTo("logged out");
        assertThat(vm.messageProperty().get()).isEqualTo("1001 is logged out.");
        assertThat(vm.canLogOutProperty().get()).isFalse();

        vm.apply(new StreamEvent.AcdChange("acd.agent", 9, T0, 7, agent(21, "1001", "AVAILABLE", null, T0), null));
        assertThat(vm.canLogOutProperty().get()).isTrue();
        vm.logOut(row);
        api.agentResults.get(1).completeExceptionally(new ApiException(403, "operators may only watch", null));
        assertThat(vm.messageProperty().get()).startsWith("Not allowed to log 1001 out");
    }

    @Test
    void aGlobalLoginChoosesAmongTheTenantsAndAnApplianceWithoutAcdIsSaid() {
        AcdViewModel global = new AcdViewModel(() -> api, Runnable::run, clock, null);
        global.start();
        api.tenantRequests.get(0).complete(List.of(new Tenant(4, "Acme"), new Tenant(5, "Beta")));
        assertThat(global.tenantProperty().get().name()).isEqualTo("Acme");
        assertThat(api.boardRequests).containsExactly(4L);
        api.boardResults.get(0).completeExceptionally(new ApiException(404, "no contact center", null));
        assertThat(global.stateProperty().get()).isEqualTo("This appliance runs no contact center.");
        global.tenantProperty().set(global.tenants().get(1));
        assertThat(api.boardRequests).containsExactly(4L, 5L);
    }

    @Test
    void theAgentsSummaryNamesStatusesInAFixedOrderWhateverTheMapsOrder() {
        assertThat(AcdQueueRow.summary(Map.of("PAUSED", 1, "ON_CALL", 2, "AVAILABLE", 3, "LOGGED_OUT", 5,
                "ON_CHAT", 1))).isEqualTo("3 available · 2 on call · 1 paused · 1 on chat");
        assertThat(AcdQueueRow.summary(Map.of("LOGGED_OUT", 2))).isEqualTo("nobody logged in");
    }
}
