package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;

/** The bounded sender over a session whose sends complete only when the test says (a client that does not read). */
class OutboundFramesTest {
    private final List<String> sent = new ArrayList<>();
    private final List<Callback> pending = new ArrayList<>();
    private final List<Integer> closes = new ArrayList<>();
    private final Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        pending.add((Callback) args[1]);
                    }
                    case "close" -> closes.add((Integer) args[0]);
                    default -> { }
                }
                return null;
            });

    @Test
    void oneFrameIsInFlightAtATimeAndTheQueueRefusesTheFrameBeyondItsCapacity() {
        OutboundFrames out = new OutboundFrames(session, 3, "test");

        assertThat(out.offer("a")).isTrue();
        assertThat(out.offer("b")).isTrue();
        assertThat(out.offer("c")).isTrue();
        assertThat(out.offer("d")).isTrue();
        assertThat(sent).containsExactly("a");

        assertThat(out.offer("e")).isFalse();

        pending.get(0).succeed();
        assertThat(sent).containsExactly("a", "b");
        assertThat(out.offer("e")).isTrue();
    }

    @Test
    void aNormalCloseWaitsForTheQueuedFramesAndAnUrgentOneDropsThem() {
        OutboundFrames out = new OutboundFrames(session, 8, "test");
        out.offer("line");
        out.offer("ended");
        out.closeWhenSent("chat ended");
        assertThat(out.offer("late")).isTrue();
        assertThat(closes).isEmpty();

        pending.get(0).succeed();
        pending.get(1).succeed();

        assertThat(sent).containsExactly("line", "ended");
        assertThat(closes).containsExactly(StatusCode.NORMAL);

        OutboundFrames other = new OutboundFrames(session, 8, "test");
        other.offer("x");
        other.offer("y");
        other.close(StatusCode.TRY_AGAIN_LATER, "overflow");
        pending.get(2).succeed();
        assertThat(sent).containsExactly("line", "ended", "x");
        assertThat(closes).containsExactly(StatusCode.NORMAL, StatusCode.TRY_AGAIN_LATER);
    }
}
