package com.crosspoint.it;

import static com.crosspoint.it.QueueFloor.WAIT;
import static com.crosspoint.it.QueueFloor.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.Strategy;
import com.crosspoint.events.AcdMoveEvent;
import com.crosspoint.events.Event;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A supervisor moves a baresip caller (1 kHz) waiting in a queue nobody staffs to a queue whose baresip agent (1003,
 * answering at once with 440 Hz) is logged in, over the REST API: the caller hears the hold music on without a
 * gap, the agent's phone rings and answers, and they hear each other.
 */
class QueueMoveIT {
    private static QueueFloor floor;

    @BeforeAll
    static void start() {
        floor = new QueueFloor();
    }

    @AfterAll
    static void stop() {
        floor.close();
    }

    @Test
    void aCallerMovedToAStaffedQueueIsAnsweredThereHearingMusicUntilThenAndTheyTalk() throws Exception {
        QueueConfig unstaffed = floor.queue("610", Strategy.RING_ALL, 0, 20, 0, List.of());
        QueueConfig staffed = floor.queue("611", Strategy.RING_ALL, 0, 20, 0, List.of(member(floor.answeringAgent)));
        floor.login(floor.answeringAgent);
        List<Event> moves = new CopyOnWriteArrayList<>();
        floor.pbx.appliance().events().subscribe("it-moves", e -> e instanceof AcdMoveEvent, moves::add);
        BaresipPhone caller = floor.caller;
        BaresipPhone agent = floor.answering;

        caller.dial(floor.pbx.uri("610"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        long established = System.nanoTime();
        await().atMost(WAIT).until(() -> floor.acd.center().waiting(unstaffed.id()).size() == 1);
        QueueEntry waiting = floor.acd.center().waiting(unstaffed.id()).get(0);
        Thread.sleep(7_000); // the position announcement (about 3.5 s), then music
        assertThat(agent.events()).as("nobody rang 1003 while the caller waited in 610")
                .noneMatch(e -> e.isType("CALL_INCOMING") || e.isType("CALL_ESTABLISHED"));

        AdminApi supervisor = new AdminApi(floor.pbx.appliance().httpPort(), "admin", "admin-secret");
        double movedAt = (System.nanoTime() - established) / 1e9;
        HttpResponse<String> moved = supervisor.exchange("POST", "/tenants/" + floor.pbx.tenant().id() + "/queues/"
                + unstaffed.id() + "/waiting/" + waiting.id() + "/move", "{\"toQueueId\":" + staffed.id() + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        agent.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(floor.onlyCall().connectedTo()));
        assertThat(floor.state(floor.answeringAgent).status()).isEqualTo(AgentStatus.ON_CALL);
        Thread.sleep(3_000); // they talk
        caller.hangup();
        agent.awaitEvent("CALL_CLOSED", WAIT);

        assertThat(floor.stats(unstaffed).transferred()).isEqualTo(1);
        assertThat(floor.stats(unstaffed).abandoned()).as("a move is no abandon").isZero();
        await().atMost(WAIT).until(() -> floor.stats(staffed).answered() == 1);
        assertThat(moves).singleElement().satisfies(e -> assertThat(((AcdMoveEvent) e).toQueueId())
                .isEqualTo(staffed.id()));
        assertThat(caller.events()).as("one re-INVITE reached the caller's phone: the bridge to the agent, none for"
                + " the move").filteredOn(e -> e.isType("CALL_REMOTE_SDP") && "offer".equals(e.param()))
                .hasSize(1);

        await().atMost(WAIT).until(() -> caller.recordings().size() > 0 && agent.recordings().size() > 0);
        Path heard = caller.recordings().get(caller.recordings().size() - 1);
        for (double t = 4.5; t < movedAt + 1.0; t += 0.5) {
            assertThat(AudioAnalysis.between(heard, t, t + 0.5).rms()).as("the caller hears music at %.1f s (moved"
                    + " at %.1f s)", t, movedAt).isGreaterThan(0.005);
        }
        assertThat(AudioAnalysis.secondsWithTone(heard, 440)).as("seconds of the agent's 440 Hz heard by the caller")
                .isBetween(1, 5);
        Path agentHeard = agent.recordings().get(agent.recordings().size() - 1);
        assertThat(AudioAnalysis.secondsWithTone(agentHeard, 1000)).as("seconds of the caller's 1 kHz heard by the"
                + " agent").isBetween(1, 5);
    }
}
