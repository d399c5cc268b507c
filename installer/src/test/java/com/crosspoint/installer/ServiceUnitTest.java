package com.crosspoint.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceUnitTest {

    @Test
    void readsThePackagedUnitAsSystemdWould() throws IOException {
        ServiceUnit unit = ServiceUnit.parse(Files.readString(Path.of("src/deb/appliance/data/crosspoint.service")));
        assertThat(unit.user()).isEqualTo("crosspoint");
        assertThat(unit.group()).isEqualTo("crosspoint");
        assertThat(unit.workingDirectory()).isEqualTo("/var/lib/crosspoint");
        assertThat(unit.execStart()).containsExactly("/usr/bin/crosspoint", "run", "--config",
                "/etc/crosspoint/crosspoint.yaml");
        assertThat(unit.environment()).containsEntry("JAVA_OPTS", "-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError");
        assertThat(unit.environmentFiles()).containsExactly("-/etc/default/crosspoint");
    }

    @Test
    void environmentLinesMayHoldSeveralQuotedAssignments() {
        assertThat(ServiceUnit.assignments("A=1 \"B=two words\" C=")).containsExactly(
                Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", ""));
    }

    @Test
    void environmentFilesSkipCommentsAndUnquote() {
        assertThat(ServiceUnit.environmentFile("# c\n\nJAVA_OPTS=\"-Xmx1g -Xss1m\"\nX='y'\nCROSSPOINT_BIND=127.0.0.1\n"))
                .containsExactly(Map.entry("JAVA_OPTS", "-Xmx1g -Xss1m"), Map.entry("X", "y"),
                        Map.entry("CROSSPOINT_BIND", "127.0.0.1"));
    }

    @Test
    void aUnitWithoutUserOrCommandIsRefused() {
        assertThatThrownBy(() -> ServiceUnit.parse("[Service]\nExecStart=/bin/true\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ServiceUnit.parse("[Unit]\nUser=x\n[Service]\nUser=y\nExecStart=/bin/true -v\n").execStart())
                .isEqualTo(List.of("/bin/true", "-v"));
    }
}
