package com.crosspoint.acd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTest {
    @Test
    void aMessageThatNeverArrivesIsMissingAndOneThatArrivesTwiceIsADuplicate() {
        Deliveries d = new Deliveries();
        String first = d.text(7, 1);
        String second = d.text(7, 2);
        d.text(8, 1);

        d.arrived(first);
        d.arrived(second);
        d.arrived(second);
        d.arrived("Alice Agent joined the chat");

        assertThat(d.sent()).isEqualTo(3);
        assertThat(d.arrived()).isEqualTo(2);
        assertThat(d.duplicates()).isEqualTo(1);
        assertThat(d.missing()).isEqualTo(1);
    }

    @Test
    void onlyMessagesSentInsideTheWindowCountTowardsTheLatency() throws InterruptedException {
        Deliveries d = new Deliveries();
        String before = d.text(1, 1);
        d.window(true);
        String inside = d.text(1, 2);
        d.window(false);
        Thread.sleep(5);
        d.arrived(before);
        d.arrived(inside);

        assertThat(d.sentInWindow()).isEqualTo(1);
        assertThat(d.latency().count()).isEqualTo(1);
        assertThat(d.latency().percentileMillis(50)).isGreaterThanOrEqualTo(5);
    }
}
