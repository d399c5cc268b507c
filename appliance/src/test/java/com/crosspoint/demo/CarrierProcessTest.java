package com.crosspoint.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog around a demo carrier: the child lives while the lifeline is open and dies when it closes. */
class CarrierProcessTest {
    @TempDir
    Path dir;

    @Test
    void closingStopsTheChildAndTheWatchdog() throws Exception {
        CarrierProcess p = CarrierProcess.start("test", List.of("sleep", "300"), dir.resolve("log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> p.processes().size() == 2);
        List<ProcessHandle> all = p.processes();
        assertThat(all).allMatch(ProcessHandle::isAlive);
        p.close();
        assertThat(all).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void theChildDiesWhenTheLifelineBreaksWithoutAnyCallToClose() throws Exception {
        // what happens when the JVM dies: the kernel closes its end of the pipe; here, the pipe is closed by hand
        Process watchdog = new ProcessBuilder("sh", "-c", CarrierProcess.WATCHDOG, "t", "sleep", "300")
                .redirectOutput(dir.resolve("log").toFile()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.descendants().count() == 1);
        ProcessHandle child = watchdog.descendants().findFirst().orElseThrow();
        try (OutputStream lifeline = watchdog.getOutputStream()) {
            lifeline.write('\n');
            lifeline.flush();
            Thread.sleep(300);
            assertThat(child.isAlive()).as("a line is not the end: the child lives on").isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive() && !watchdog.isAlive());
    }
}
