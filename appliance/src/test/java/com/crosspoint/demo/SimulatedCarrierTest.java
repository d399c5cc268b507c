package com.crosspoint.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.acr.rate.ImportProgress;
import com.crosspoint.acr.rate.ParsedDeck;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

    @Test
    void theDemoHasACheapFailingOneASlowOneAndADearerCleanOneCheapestFirst() {
        assertThat(SimulatedCarrier.DEMO).extracting(SimulatedCarrier::name)
                .containsExactly("Demo Cheap", "Demo Slow", "Demo Clean");
        assertThat(SimulatedCarrier.DEMO.get(0).outcomes()).containsExactly("200", "200", "503");
        assertThat(SimulatedCarrier.DEMO.get(1).ringMillis()).isGreaterThanOrEqualTo(3000);
        assertThat(SimulatedCarrier.DEMO.get(2).outcomes()).containsOnly("200");
        assertThat(SimulatedCarrier.DEMO).extracting(c -> Double.parseDouble(c.ratePerMinute())).isSorted();
        assertThat(SimulatedCarrier.DEMO).extracting(SimulatedCarrier::toneHz).doesNotHaveDuplicates();
    }

    @Test
    void eachRateDeckImportsWithoutErrors() throws Exception {
        for (SimulatedCarrier c : SimulatedCarrier.DEMO) {
            ParsedDeck deck = ParsedDeck.read(new StringReader(c.rateDeck()), 100, 10, ImportProgress.NONE);
            assertThat(deck.errors().isEmpty()).as(c.name() + ": " + deck.errors()).isTrue();
            assertThat(deck.rows()).isEqualTo(2);
        }
    }

    @Test
    void refusesOutcomesSippCannotPlayAndDelaysSippCannotPause() {
        assertThatThrownBy(() -> new SimulatedCarrier("X", "0.01", List.of("486"), 1, 1, 440, "x"))
                .hasMessageContaining("200 or 503");
        assertThatThrownBy(() -> new SimulatedCarrier("X", "0.01", List.of(), 1, 1, 440, "x"))
                .hasMessageContaining("200 or 503");
        assertThatThrownBy(() -> new SimulatedCarrier("X", "0.01", List.of("200"), 0, 1, 440, "x"))
                .hasMessageContaining("1 ms");
    }
}
