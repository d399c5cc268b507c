package com.crosspoint.im;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainedRecipientsTest {
    private final DrainedRecipients drained = new DrainedRecipients();

    @Test
    void unknownRecipientIsNotDrained() {
        assertThat(drained.isDrained("1/1001")).isFalse();
    }

    @Test
    void emptyQueryMarksTheRecipientDrained() {
        drained.drained("1/1001", drained.generation("1/1001"));

        assertThat(drained.isDrained("1/1001")).isTrue();
        assertThat(drained.isDrained("1/1002")).isFalse();
    }

    @Test
    void aStoredMessageEndsTheDrainedState() {
        drained.drained("1/1001", drained.generation("1/1001"));

        drained.messageStored("1/1001");

        assertThat(drained.isDrained("1/1001")).isFalse();
    }

    @Test
    void anEmptyQueryThatRacedAStoredMessageDoesNotCount() {
        long before = drained.generation("1/1001");
        drained.messageStored("1/1001"); // committed while the query ran, which did not see it

        drained.drained("1/1001", before);

        assertThat(drained.isDrained("1/1001")).isFalse();
    }
}
