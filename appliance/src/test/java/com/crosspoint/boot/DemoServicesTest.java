package com.crosspoint.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new demo tenant has something to dial besides its users: menu 700, room 800 and queue 600, made once. */
class DemoServicesTest {
    @TempDir
    Path data;

    @TempDir
    Path etc;

    /** The extensions are a list, which only a node file can set. */
    private CrosspointConfig config(String extensions) throws IOException {
        Path node = etc.resolve("node.yaml");
        Files.writeString(node, "demo:\n  extensions: [" + extensions + "]\n");
        Map<String, String> o = new HashMap<>(Map.of("data.dir", data.toString(), "sip.port", "0", "http.port", "0", "turn.port", "0", "router.port", "0",
                "network.bind", "127.0.0.1", "admin.password", "admin-secret-1", "demo.enabled", "true",
                "demo.password", "demo-password-1"));
        return new ConfigLoader(Map.of()).load(Optional.of(node), o);
    }

    @Test
    void theDemoTenantGetsAMenuToItsFirstTwoExtensionsAndAnOpenRoom() throws IOException {
        try (Appliance a = Appliance.start(config("1001,1002,1003"))) {
            long tenant = a.credentials().demoTenant().id();
            assertThat(a.credentials().demoMenu()).isEqualTo("700");
            assertThat(a.credentials().demoRoom()).isEqualTo("800");
            AttendantMenu menu = a.attendant().list(tenant).get(0);
            assertThat(menu.number()).isEqualTo("700");
            assertThat(menu.dialByExtension()).isTrue();
            assertThat(menu.options()).containsExactly(MenuOption.extension('1', "1001"),
                    MenuOption.extension('2', "1002"));
            var room = a.conferences().list(tenant).get(0);
            assertThat(room.number()).isEqualTo("800");
            assertThat(room.pinRequired()).isFalse();
            var queue = a.acd().queues(tenant).get(0);
            assertThat(queue.number()).isEqualTo("600");
            assertThat(queue.name()).isEqualTo("support");
            assertThat(a.acd().members(tenant, queue.id())).extracting(m -> a.directory().user(m.userId()).orElseThrow()
                    .extension()).containsExactlyInAnyOrder("1001", "1002", "1003");
        }
    }

    @Test
    void anAdminsDeletionIsNotUndoneByTheNextStart() throws IOException {
        try (Appliance a = Appliance.start(config("1001,1002"))) {
            long tenant = a.credentials().demoTenant().id();
            a.attendant().delete(tenant, a.attendant().list(tenant).get(0).id());
        }
        try (Appliance a = Appliance.start(config("1001,1002"))) {
            assertThat(a.credentials().demoMenu()).isNull();
            assertThat(a.credentials().demoRoom()).isEqualTo("800");
        }
    }

    @Test
    void aNumberTakenByADemoExtensionIsLeftToTheUser() throws IOException {
        try (Appliance a = Appliance.start(config("700,800"))) {
            assertThat(a.credentials().demoMenu()).isNull();
            assertThat(a.credentials().demoRoom()).isNull();
            assertThat(a.attendant().list(a.credentials().demoTenant().id())).isEmpty();
        }
    }
}
