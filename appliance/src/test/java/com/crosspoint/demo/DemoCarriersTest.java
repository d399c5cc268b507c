package com.crosspoint.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without SIPp the demo runs without carriers and touches nothing; the scenario is filled in for each carrier. */
class DemoCarriersTest {
    @TempDir
    Path dir;

    @Test
    void withoutSippThereAreNoCarriersAndNothingIsWritten() {
        assertThat(DemoCarriers.start(Optional.empty(), dir.resolve("demo"), null, null)).isEmpty();
        assertThat(Files.exists(dir.resolve("demo"))).isFalse();
        assertThat(DemoCarriers.INSTALL_HINT).contains("apt-get install sip-tester");
    }

    @Test
    void eachCarriersScenarioHasItsDelaysAndToneAndNoPlaceholderLeft() throws Exception {
        DemoFiles files = new DemoFiles(dir);
        SimulatedCarrier slow = SimulatedCarrier.DEMO.get(1);
        String scenario = Files.readString(files.scenario(slow));
        assertThat(scenario).doesNotContain("__").contains("<pause milliseconds=\"3000\"/>")
                .contains("demo-slow-tone-660.ulaw");
        assertThat(Files.size(dir.resolve("demo-slow-tone-660.ulaw"))).isEqualTo(8000);
        assertThat(Files.readString(files.outcomes(SimulatedCarrier.DEMO.get(0)))).isEqualTo("SEQUENTIAL\n200\n200\n503\n");
    }
}
