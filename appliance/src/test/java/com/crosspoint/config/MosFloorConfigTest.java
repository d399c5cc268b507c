package com.crosspoint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code router.policy.minMos} and {@code minMosSamples}: the MOS floor of the call router. */
class MosFloorConfigTest {
    @TempDir
    Path dir;

    private RouterConfig load(String policy) throws IOException {
        Path file = Files.writeString(dir.resolve("node.yaml"), "router:\n  policy:\n" + policy);
        return new ConfigLoader(Map.of(), Optional::empty).load(Optional.of(file)).router();
    }

    @Test
    void defaultsToAFloorOfThreeAfterTenMeasuredCalls() {
        RouterConfig router = new ConfigLoader(Map.of(), Optional::empty).load(Optional.empty()).router();
        assertThat(router.policy().minMos()).isEqualTo(3.0);
        assertThat(router.policy().minMosSamples()).isEqualTo(10);
    }

    @Test
    void takesADecimalFloorOrNone() throws IOException {
        assertThat(load("    minMos: 3.6\n    minMosSamples: 2\n")).satisfies(r -> {
            assertThat(r.policy().minMos()).isEqualTo(3.6);
            assertThat(r.policy().minMosSamples()).isEqualTo(2);
        });
        assertThat(load("    minMos: 0\n").policy().minMos()).isZero();
        assertThat(load("    minMos: \"4.25\"\n").policy().minMos()).isEqualTo(4.25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "6", "5.5", "abc", "3.123", "-1", "\"\"", "[3]"})
    void refusesAnythingElseNamingTheKey(String value) {
        assertThatThrownBy(() -> load("    minMos: " + value + "\n")).hasMessageStartingWith("router.policy.minMos");
    }

    @Test
    void refusesNoSamples() {
        assertThatThrownBy(() -> load("    minMosSamples: 0\n"))
                .hasMessageStartingWith("router.policy.minMosSamples: must be 1..1000000");
    }
}
