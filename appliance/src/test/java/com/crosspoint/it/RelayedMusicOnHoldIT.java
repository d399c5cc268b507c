package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.HangupParty;
import com.crosspoint.store.CdrStore.CdrFilter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@link MusicOnHoldIT} case with the call's audio going through the RTP relay ({@code media.anchor: always}):
 * hold, music on hold, both holding, and a transfer while held work the same on a relayed call. (This start hides
 * the parent's, so the appliance starts once, relaying.) A relayed call also has what a call between phones had
 * not: quality figures, live and on its record.
 */
class RelayedMusicOnHoldIT extends MusicOnHoldIT {

    @BeforeAll
    static void start() throws IOException {
        startWith("always");
    }

    @Test
    void aRelayedCallHasQualityFiguresLiveAndOnItsRecord() {
        talking();
        String callId = call().id();

        await().atMost(Duration.ofSeconds(20)).until(() -> call().quality() != null);
        assertThat(call().quality().mos()).isGreaterThan(4.0);
        alice.hangup();

        await().atMost(Duration.ofSeconds(20)).until(() -> record(callId) != null);
        CallRecord cdr = record(callId);
        assertThat(cdr.quality()).as("quality on the CDR of a relayed call").isNotNull();
        assertThat(cdr.quality().lossPercent()).isLessThan(1.0);
        assertThat(cdr.hungUpBy()).isEqualTo(HangupParty.CALLER);
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.appliance().relay().callCount() == 0);
    }

    private static CallRecord record(String callId) {
        List<CallRecord> all = pbx.appliance().stores().cdrs().search(pbx.tenant().id(),
                new CdrFilter(null, null, null, null), 0, 50);
        return all.stream().filter(r -> r.callId().equals(callId)).findFirst().orElse(null);
    }
}
