package com.crosspoint.testing;

import com.crosspoint.boot.Appliance;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real appliance started in the test's JVM on ephemeral ports and loopback, with a fresh data
 * directory and a tenant whose users the test creates. Phones reach it at {@link #sipHostPort()}.
 */
public final class TestAppliance implements AutoCloseable {
    public static final String DOMAIN = "test.crosspoint.local";

    private final Path dataDir;
    private final Appliance appliance;
    private final Tenant tenant;

    private TestAppliance(Path dataDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        Map<String, String> o = new HashMap<>();
        o.put("data.dir", dataDir.toString());
        o.put("network.bind", "127.0.0.1");
        o.put("sip.port", "0");
        o.put("http.port", "0");
        o.put("turn.port", "0");
        o.put("router.port", "0");
        o.put("admin.password", "admin-secret");
        o.putAll(overrides);
        this.appliance = Appliance.start(new ConfigLoader(Map.of()).load(Optional.empty(), o));
        this.tenant = appliance.directory().tenantByDomain(DOMAIN)
                .orElseGet(() -> appliance.provisioning().createTenant("Test", DOMAIN));
    }

    public static TestAppliance start() {
        return start(Map.of());
    }

    public static TestAppliance start(Map<String, String> overrides) {
        try {
            return new TestAppliance(Files.createTempDirectory("crosspoint-it"), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes {@code old} and starts again on its data directory (SIP and HTTP on new free ports). */
    public static TestAppliance restart(TestAppliance old, Map<String, String> overrides) {
        old.close();
        return new TestAppliance(old.dataDir, overrides);
    }

    public Appliance appliance() {
        return appliance;
    }

    public Tenant tenant() {
        return tenant;
    }

    public int sipPort() {
        return appliance.sipPort();
    }

    public String sipHostPort() {
        return "127.0.0.1:" + sipPort();
    }

    /** {@code sip:EXT@127.0.0.1:PORT}: how a phone addresses a user of the default tenant. */
    public String uri(String extension) {
        return "sip:" + extension + "@" + sipHostPort();
    }

    /** Creates a user with one device whose SIP username is the extension. */
    public User user(String extension, String name, String sipPassword) {
        User u = appliance.provisioning().createUser(tenant.id(), extension, name, null, CallSettings.defaults());
        appliance.provisioning().createDevice(tenant.id(), u.id(), extension, sipPassword);
        return u;
    }

    public void device(User user, String sipUsername, String sipPassword) {
        appliance.provisioning().createDevice(tenant.id(), user.id(), sipUsername, sipPassword);
    }

    public User settings(User user, CallSettings settings) {
        return appliance.provisioning().updateSettings(tenant.id(), user.id(), settings);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        appliance.close();
    }
}
