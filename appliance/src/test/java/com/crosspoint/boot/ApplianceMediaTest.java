package com.crosspoint.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.ApplianceFixture;
import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.engine.SessionRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root starts the media engine with the configured range and stops it on close. */
class ApplianceMediaTest {

    @TempDir
    Path data;

    @Test
    void theMediaEngineRunsWithTheApplianceAndStopsWithIt() throws Exception {
        MediaSession session;
        try (Appliance appliance = Appliance.start(ApplianceFixture.config(data))) {
            assertThat(appliance.media().sessionCount()).isZero();
            session = appliance.media().open(SessionRequest.of("boot"));
            assertThat(session.localPort()).isBetween(appliance.media().config().portMin(),
                    appliance.media().config().portMax());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                    .until(() -> appliance.media().pacing().slip().count() >= 5); // the clock ticks
        }
        assertThat(session.isClosed()).isTrue();
        assertThat(session.closed()).isCompleted();
    }
}
