package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.ApplianceExtension;
import com.crosspoint.testing.web.Dashboards;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Event-stream WebSockets per login (issue 10, item 5): one login may hold {@code http.maxEventStreamsPerLogin}
 * (default 8) streams; the next upgrade is refused with 429 and counted, and a stream closed frees its place.
 */
class EventStreamLimitIT {
    @RegisterExtension
    static final ApplianceExtension PBX = ApplianceExtension.start();
    private static final int DEFAULT_LIMIT = 8;



    @Test
    void oneLoginGetsItsStreamsAndTheNextIsRefusedWith429() throws Exception {
        AdminApi admin = new AdminApi(PBX.get().appliance().httpPort(), Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
        AdminApi other = new AdminApi(PBX.get().appliance().httpPort(), Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
        String base = Dashboards.base(PBX.get());
        List<EventClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < DEFAULT_LIMIT; i++) {
                streams.add(EventClient.connect(base, "token=" + admin.token(), null));
            }
            Throwable refused = catchThrowable(() -> EventClient.connect(base, "token=" + admin.token(), null));
            assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(429);
            assertThat(admin.get("/security").get("refusedEventStreams").asLong()).isEqualTo(1);

            // Another login of the same account has its own allowance.
            try (EventClient theirs = EventClient.connect(base, "token=" + other.token(), null)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> theirs.types().contains("snapshot"));
            }

            streams.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                try (EventClient again = EventClient.connect(base, "token=" + admin.token(), null)) {
                    return true;
                }
            });
        } finally {
            streams.forEach(EventClient::abort);
        }
    }
}
