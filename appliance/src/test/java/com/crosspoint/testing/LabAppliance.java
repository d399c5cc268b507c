package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The appliance as the NAT lab's server: its own process in the lab's server namespace, bound to
 * {@link NatLab#SERVER} (SIP on 5060, HTTP on 8080 there), with the demo tenant, and its API reached through a
 * forward. Closed with the lab.
 */
public final class LabAppliance implements AutoCloseable {
    public static final String PASSWORD = "lab-pw-2468";
    public static final String ADMIN_PASSWORD = "lab-admin-1357";
    public static final String DOMAIN = "demo.crosspoint.local";
    private static final int HTTP = 8080;

    private final ApplianceProcess process;
    private final Path dataDir;
    private final AdminApi api;
    private final int httpPort;
    private final long tenant;

    private LabAppliance(ApplianceProcess process, Path dataDir, AdminApi api, int httpPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.api = api;
        this.httpPort = httpPort;
        this.tenant = api.tenantId(DOMAIN);
    }

    /** Starts it with {@code nodeYaml} as its node configuration file (empty: the defaults). */
    public static LabAppliance start(NatLab lab, String nodeYaml) {
        Path dir = HarnessFiles.tempDir("natlab-appliance");
        try {
            Path config = dir.resolve("node.yaml");
            Files.writeString(config, nodeYaml);
            Files.writeString(lab.logDir().resolve("node.yaml"), nodeYaml);
            List<String> args = nodeYaml.isBlank() ? List.of() : List.of("--config", config.toString());
            ApplianceProcess p = lab.own(ApplianceProcess.startInNamespace(lab.namespace("srv"), NatLab.SERVER,
                    dir.resolve("data"), 5060, HTTP, Map.of("CROSSPOINT_DEMO_PASSWORD", PASSWORD,
                            "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD), args));
            NamespacePortForward http = lab.forward("srv", NatLab.SERVER, HTTP);
            return new LabAppliance(p, dir.resolve("data"), new AdminApi(http.localPort(), "admin", ADMIN_PASSWORD), http.localPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AdminApi api() {
        return api;
    }

    /** {@code http://127.0.0.1:<port>}: the API as this JVM reaches it (through the forward). */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Its data directory (database, voicemail files), on this machine's file system. */
    public Path dataDir() {
        return dataDir;
    }

    public long tenantId() {
        return tenant;
    }

    /** {@code sip:<extension>@10.200.0.1}: how lab phones address the appliance's users. */
    public static String uri(String extension) {
        return "sip:" + extension + "@" + NatLab.SERVER;
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
