package com.crosspoint.console.client;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the real appliance does rarely or slowly, scripted on a stand-in Jetty server: the keep-alive
 * ping (every 30 s there), the 1013 close on overflow, a frame split over several WebSocket
 * fragments, an unreadable frame.
 */
public class EventStreamWireTest {
    private Server server;
    private URI base;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Consumer<Session> script = s -> { };

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ContextHandler root = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, root, container ->
                container.addMapping("/api/v1/events", (rq, rs, cb) -> {
                    authorizations.add(rq.getHeaders().get(HttpHeader.AUTHORIZATION));
                    return new Scripted(script);
                }));
        ws.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request rq, Response rs, Callback cb) {
                rs.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                String login = "{\"token\":\"stub-token\",\"username\":\"olga\",\"role\":\"OPERATOR\",\"tenantId\":null,"
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}";
                rs.write(true, ByteBuffer.wrap(login.getBytes(StandardCharsets.UTF_8)), cb);
                return true;
            }
        });
        root.setHandler(ws);
        server.setHandler(root);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** Public, as Jetty invokes listener methods reflectively. */
    public static final class Scripted implements Session.Listener.AutoDemanding {
        private final Consumer<Session> script;

        Scripted(Consumer<Session> script) {
            this.script = script;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            script.accept(session);
        }
    }

    private HttpConsoleApiTest.Recorder connect() throws Exception {
        HttpConsoleApi api = HttpConsoleApi.create(base);
        api.login("olga", "pw").get(10, TimeUnit.SECONDS);
        HttpConsoleApiTest.Recorder recorder = new HttpConsoleApiTest.Recorder() {
            @Override
            public void onPing() {
                events.add(new StreamEvent.Other("(ping)", 0));
            }
        };
        api.events(recorder).get(10, TimeUnit.SECONDS);
        return recorder;
    }

    @Test
    void pingsFragmentedFramesAndTheOverflowCloseReachTheListener() throws Exception {
        String snapshot = Files.readString(Path.of("..", "docs", "api", "examples", "SnapshotFrame.json"));
        script = s -> {
            s.sendPing(ByteBuffer.allocate(0), org.eclipse.jetty.websocket.api.Callback.NOOP);
            int half = snapshot.length() / 2;
            s.sendPartialText(snapshot.substring(0, half), false, org.eclipse.jetty.websocket.api.Callback.from(
                    () -> s.sendPartialText(snapshot.substring(half), true, org.eclipse.jetty.websocket.api.Callback.from(
                            () -> s.close(1013, "event stream overflow: reconnect for a fresh snapshot",
                                    org.eclipse.jetty.websocket.api.Callback.NOOP), t -> { })), t -> { }));
        };
        HttpConsoleApiTest.Recorder r = connect();
        await().atMost(Duration.ofSeconds(5)).until(() -> !r.closes.isEmpty());
        assertThat(authorizations).containsExactly("Bearer stub-token");
        assertThat(r.events).extracting(StreamEvent::type).containsExactly("(ping)", "snapshot");
        assertThat(((StreamEvent.Snapshot) r.events.get(1)).calls()).hasSize(1);
        assertThat(r.closes).containsExactly("1013 event stream overflow: reconnect for a fresh snapshot");
    }

    @Test
    void anUnreadableFrameEndsTheConnectionSoTheConsoleStartsOver() throws Exception {
        script = s -> s.sendText("{\"type\":\"call.answered\",\"seq\":2}", org.eclipse.jetty.websocket.api.Callback.NOOP);
        HttpConsoleApiTest.Recorder r = connect();
        await().atMost(Duration.ofSeconds(5)).until(() -> !r.closes.isEmpty());
        assertThat(r.events).isEmpty();
        assertThat(r.closes).singleElement().asString().startsWith("-1 unreadable event frame");
    }

    @Test
    void theServerGoingAwayIsReportedOnce() throws Exception {
        script = s -> s.sendText("{\"type\":\"snapshot\",\"seq\":1,\"registrations\":[],\"calls\":[]}",
                org.eclipse.jetty.websocket.api.Callback.NOOP);
        HttpConsoleApiTest.Recorder r = connect();
        await().atMost(Duration.ofSeconds(5)).until(() -> r.events.size() == 1);
        server.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !r.closes.isEmpty());
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertThat(r.closes).hasSize(1);
    }
}
