package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.CarrierFigures;
import com.crosspoint.console.client.CarrierQuality;
import com.crosspoint.console.client.UnreachableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierQualityViewModelTest {
    private final MutableClock clock = new MutableClock(T0);
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final CarrierQualityViewModel vm = new CarrierQualityViewModel(() -> api, Runnable::run, scheduler, clock);

    private static CarrierQuality carrier(long id, String name, String status, int live, double cps, long attempts,
                                          long answered, Double mos, String cost) {
        double asr = attempts == 0 ? 0 : (double) answered / attempts;
        return new CarrierQuality(id, name, status, live, cps,
                new CarrierFigures(attempts, answered, asr, attempts == 0 ? 0 : 0.95, answered == 0 ? 0 : 184.2,
                        attempts == 0 ? 0 : 1830.5, mos),
                cost == null ? null : new BigDecimal(cost));
    }

    private static final CarrierQuality NORTHWIND = carrier(2, "Northwind", "IN_SERVICE", 14, 2.5, 412, 238, 4.21, "0.0131");
    private static final CarrierQuality FRESH = carrier(3, "Fresh", "IN_SERVICE", 0, 0, 0, 0, null, null);

    /** The poll the scheduler holds next, run as its timer would (time moves on by its delay). */
    private void runNextPoll() {
        ManualScheduler.Task task = scheduler.pending().get(0);
        clock.advance(task.delay);
        scheduler.runPending();
    }

    @Test
    void startAsksAtOnceAndShowsEveryFigureOfEachCarrier() {
        vm.start();
        assertThat(api.qualityRequests).hasSize(1);
        api.answerQuality(List.of(NORTHWIND, FRESH));

        assertThat(vm.carriers()).hasSize(2);
        CarrierRow n = vm.carriers().get(0);
        assertThat(n.nameProperty().get()).isEqualTo("Northwind");
        assertThat(n.statusProperty().get()).isEqualTo("In service");
        assertThat(n.liveCallsProperty().get()).isEqualTo("14");
        assertThat(n.callsPerSecondProperty().get()).isEqualTo("2.5");
        assertThat(n.asrProperty().get()).isEqualTo("57.8 %");
        assertThat(n.nerProperty().get()).isEqualTo("95.0 %");
        assertThat(n.acdProperty().get()).isEqualTo("3:04");
        assertThat(n.pddProperty().get()).isEqualTo("1.83 s");
        assertThat(n.mosProperty().get()).isEqualTo("4.21");
        assertThat(n.costPerMinuteProperty().get()).isEqualTo("0.0131");
        CarrierRow f = vm.carriers().get(1);
        assertThat(List.of(f.asrProperty().get(), f.acdProperty().get(), f.pddProperty().get(), f.nerProperty().get(),
                f.mosProperty().get(), f.costPerMinuteProperty().get()))
                .as("a carrier without calls has no figures yet, not zeros").containsOnly(CarrierRow.NONE);
        assertThat(vm.pollStateProperty().get()).isEqualTo("Updated " + Formats.time(T0, clock.getZone()));
        assertThat(scheduler.pending()).extracting(t -> t.delay).containsExactly(CarrierQualityViewModel.POLL_INTERVAL);
    }

    @Test
    void eachPollUpdatesTheRowsInPlaceAndDropsCarriersThatAreGone() {
        vm.start();
        api.answerQuality(List.of(NORTHWIND, FRESH));
        CarrierRow n = vm.carriers().get(0);
        vm.selectedProperty().set(vm.carriers().get(1));

        runNextPoll();
        assertThat(api.qualityRequests).hasSize(2);
        api.answerQuality(List.of(carrier(2, "Northwind", "UNAVAILABLE", 3, 0, 500, 240, 4.0, "0.0130")));

        assertThat(vm.carriers()).containsExactly(n);
        assertThat(n.statusProperty().get()).isEqualTo("Unavailable (failing)");
        assertThat(n.liveCallsProperty().get()).isEqualTo("3");
        assertThat(n.asrProperty().get()).isEqualTo("48.0 %");
        assertThat(vm.selectedProperty().get()).as("the selected carrier was deleted").isNull();
        assertThat(n.samples()).extracting(QualitySample::liveCalls).containsExactly(14, 3);
    }

    @Test
    void theChartKeepsTheLastHourOfSamples() {
        vm.start();
        api.answerQuality(List.of(NORTHWIND));
        CarrierRow n = vm.carriers().get(0);
        for (int i = 0; i < 3; i++) {
            runNextPoll();
            api.answerQuality(List.of(NORTHWIND));
        }
        assertThat(n.samples()).hasSize(4);
        assertThat(n.samples().get(0).at()).isEqualTo(T0);

        clock.advance(Duration.ofMinutes(59).plusSeconds(50));
        runNextPoll();
        api.answerQuality(List.of(NORTHWIND));
        assertThat(n.samples()).as("the samples of more than an hour ago are gone")
                .allMatch(s -> !s.at().isBefore(clock.instant().minus(CarrierQualityViewModel.HISTORY)))
                .hasSize(3);
    }

    @Test
    void chartMetricsTakeTheirFigureAndLeaveGapsWhereThereIsNone() {
        QualitySample measured = new QualitySample(T0, 4, 2, 0.578, 4.21);
        QualitySample bare = new QualitySample(T0, 0, 0, null, null);
        assertThat(ChartMetric.CALLS_PER_SECOND.valueOf(measured)).isEqualTo(2.0);
        assertThat(ChartMetric.LIVE_CALLS.valueOf(measured)).isEqualTo(4.0);
        assertThat(ChartMetric.ASR.valueOf(measured)).isCloseTo(57.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChartMetric.MOS.valueOf(measured)).isEqualTo(4.21);
        assertThat(ChartMetric.ASR.valueOf(bare)).isNull();
        assertThat(ChartMetric.MOS.valueOf(bare)).isNull();
    }

    @Test
    void anUnreachableApplianceIsAskedAgainWithBackOffAndThenEveryFiveSeconds() {
        vm.start();
        api.qualityRequests.get(0).completeExceptionally(new UnreachableException(URI.create("http://pbx:8080/"),
                new IOException("Connection refused")));
        assertThat(vm.pollStateProperty().get()).contains("no answer").contains("1 s");
        assertThat(scheduler.pending()).extracting(t -> t.delay).containsExactly(Duration.ofSeconds(1));

        runNextPoll();
        api.qualityRequests.get(1).completeExceptionally(new ApiException(500, "internal error", null));
        assertThat(scheduler.pending()).extracting(t -> t.delay).containsExactly(Duration.ofSeconds(2));

        runNextPoll();
        api.answerQuality(List.of(NORTHWIND));
        assertThat(scheduler.pending()).extracting(t -> t.delay).containsExactly(CarrierQualityViewModel.POLL_INTERVAL);
        assertThat(vm.carriers()).hasSize(1);
    }

    @Test
    void aLoginThatMayNotSeeCarriersIsToldOnceAndNotAskedAgain() {
        vm.start();
        api.qualityRequests.get(0).completeExceptionally(new ApiException(403, "needs a login that sees every tenant", null));
        assertThat(vm.pollStateProperty().get()).isEqualTo("This login may not watch the carriers: "
                + "needs a login that sees every tenant");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void takingACarrierOutOfServiceAsksTheApplianceAndThenTheFiguresAgain() {
        vm.start();
        api.answerQuality(List.of(NORTHWIND));
        CarrierRow n = vm.carriers().get(0);
        assertThat(vm.canChangeServiceProperty().get()).isFalse();
        vm.selectedProperty().set(n);
        assertThat(vm.canChangeServiceProperty().get()).isTrue();
        assertThat(vm.serviceActionProperty().get()).isEqualTo("Take out of service…");
        assertThat(vm.serviceQuestion(n)).startsWith("Take Northwind out of service?");

        var done = vm.changeService(n);
        assertThat(api.serviceChanges).containsExactly("2=false");
        assertThat(vm.canChangeServiceProperty().get()).as("one change at a time").isFalse();
        api.serviceResults.get(0).complete(null);
        assertThat(done).isDone();
        assertThat(vm.messageProperty().get()).isEqualTo("Northwind is out of service.");
        assertThat(api.qualityRequests).as("the figures are asked for at once").hasSize(2);
        assertThat(scheduler.pending()).as("the 5 s poll gave way to the one asked now").isEmpty();

        api.answerQuality(List.of(carrier(2, "Northwind", "OUT_OF_SERVICE", 14, 0, 412, 238, 4.21, "0.0131")));
        assertThat(n.statusProperty().get()).isEqualTo("Out of service");
        assertThat(vm.serviceActionProperty().get()).isEqualTo("Put back in service…");
        assertThat(vm.serviceQuestion(n)).startsWith("Put Northwind back in service?");
        vm.changeService(n);
        assertThat(api.serviceChanges).containsExactly("2=false", "2=true");
    }

    @Test
    void aRefusedChangeShowsWhyAndChangesNothing() {
        vm.start();
        api.answerQuality(List.of(NORTHWIND));
        CarrierRow n = vm.carriers().get(0);
        vm.selectedProperty().set(n);

        var done = vm.changeService(n);
        api.serviceResults.get(0).completeExceptionally(new ApiException(403, "needs a superadmin", null));
        assertThat(vm.messageProperty().get()).isEqualTo("Not allowed to change Northwind: needs a superadmin");
        assertThatThrownBy(done::join).hasCauseInstanceOf(ApiException.class);
        assertThat(n.statusProperty().get()).isEqualTo("In service");
        assertThat(vm.canChangeServiceProperty().get()).isTrue();
        assertThat(api.qualityRequests).hasSize(1);
    }

    @Test
    void stopEndsThePolling() {
        vm.start();
        api.answerQuality(List.of(NORTHWIND));
        vm.stop();
        assertThat(scheduler.pending()).isEmpty();
    }
}
