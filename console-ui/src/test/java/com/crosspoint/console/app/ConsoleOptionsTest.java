package com.crosspoint.console.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleOptionsTest {

    @Test
    void commandLineInBothFormsAndSystemPropertiesAsFallback() {
        Properties sys = new Properties();
        sys.setProperty("crosspoint.console.url", "http://from-property:8080");
        sys.setProperty("crosspoint.console.snapshot", "prop.png");
        ConsoleOptions o = ConsoleOptions.parse(List.of("--user=olga", "--url", "http://pbx:8080"), sys);
        assertThat(o).isEqualTo(new ConsoleOptions("http://pbx:8080", "olga", Path.of("prop.png"), false));
        assertThat(ConsoleOptions.parse(List.of(), sys).url()).isEqualTo("http://from-property:8080");
        assertThat(ConsoleOptions.parse(List.of("--snapshot=out/x.png", "--exit-after-snapshot"), new Properties()))
                .isEqualTo(new ConsoleOptions(null, null, Path.of("out/x.png"), true));
    }

    @Test
    void unknownOrIncompleteOptionsAreRefused() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--password=x"), new Properties())).hasMessageContaining("unknown option --password");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--url"), new Properties())).hasMessageContaining("missing value");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("pbx"), new Properties())).hasMessageContaining("unexpected");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--bogus"), new Properties())).hasMessageContaining("unknown option --bogus");
    }
}
