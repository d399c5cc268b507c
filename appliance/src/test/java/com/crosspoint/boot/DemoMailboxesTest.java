package com.crosspoint.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.model.User;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo extensions get a voicemail PIN: the configured one (CROSSPOINT_DEMO_PIN), else a random one printed once. */
class DemoMailboxesTest {
    @TempDir
    Path data;

    private CrosspointConfig config(String pin) {
        Map<String, String> o = new HashMap<>(Map.of("data.dir", data.toString(), "sip.port", "0", "http.port", "0", "turn.port", "0", "router.port", "0",
                "network.bind", "127.0.0.1", "admin.password", "admin-secret-1", "demo.enabled", "true",
                "demo.password", "demo-password-1"));
        if (pin != null) {
            o.put("demo.pin", pin);
        }
        return new ConfigLoader(Map.of()).load(Optional.empty(), o);
    }

    private static User user(Appliance a, String ext) {
        return a.directory().userByExtension(a.credentials().demoTenant().id(), ext).orElseThrow();
    }

    @Test
    void theConfiguredPinOpensEveryDemoMailboxAndIsPrinted() {
        try (Appliance a = Appliance.start(config("135790"))) {
            assertThat(a.credentials().demoPin()).isEqualTo("135790");
            for (String ext : a.credentials().demoExtensions()) {
                assertThat(a.voicemail().checkPin(user(a, ext).id(), "135790")).as(ext).isTrue();
            }
        }
    }

    @Test
    void withoutOneARandomPinIsSetOnceAndKeptAcrossRestarts() {
        String first;
        try (Appliance a = Appliance.start(config(null))) {
            first = a.credentials().demoPin();
            assertThat(first).matches("[0-9]{6}");
            assertThat(a.voicemail().checkPin(user(a, "1001").id(), first)).isTrue();
        }
        try (Appliance a = Appliance.start(config(null))) {
            assertThat(a.credentials().demoPin()).isNull();
            assertThat(a.voicemail().checkPin(user(a, "1002").id(), first)).isTrue();
        }
    }

    @Test
    void aPinThatIsNotDigitsIsRefusedNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("12ab"))
                .hasMessageContaining("demo.pin").hasMessageContaining("4 to 10 digits");
    }
}
