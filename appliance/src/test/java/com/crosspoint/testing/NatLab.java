package com.crosspoint.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The symmetric-NAT lab of docs real-peers §8 as a JUnit 5 extension ({@code @RegisterExtension static NatLab lab}):
 * network namespaces joined by veth pairs, two phones each behind its own NAT that masquerades with
 * {@code fully-random} ports (address- and port-dependent mapping: a symmetric NAT), and a phone on the server's own
 * network.
 * <pre>
 *   ph1 192.168.77.10 -- nat1 (10.200.0.2) --+
 *   ph2 192.168.78.10 -- nat2 (10.200.0.3) --+-- br0 in srv: 10.200.0.1 (appliance), .11
 *   pub 10.200.0.21 ---------------------------+
 * </pre>
 * Nothing is attached to this JVM's namespace: the appliance and the phones run inside theirs
 * ({@code ip netns exec}), and their TCP ports are reached through {@link NamespacePortForward}s.
 *
 * <p>Names are {@code nl-j<pid>x<n>-<role>}: unique per JVM and test class, so labs of parallel runs never collide;
 * labs whose JVM is gone (a crashed run) are deleted before a new one is built, and each lab is deleted after its
 * class, failed or not. The tests are skipped (assumption) only when not run as root; missing tools fail them.
 */
public final class NatLab implements BeforeAllCallback, AfterAllCallback {
    public static final String SERVER = "10.200.0.1";
    public static final String PUBLIC_PHONE = "10.200.0.21";
    private static final Pattern OURS = Pattern.compile("^(nl-j(\\d+)x\\d+)-\\w+");
    private static final AtomicInteger LABS = new AtomicInteger();
    private static final String[] ROLES = {"srv", "nat1", "nat2", "ph1", "ph2", "pub"};

    private final List<AutoCloseable> owned = new ArrayList<>();
    private String prefix;
    private Path logDir;

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the NAT lab needs root (network namespaces, nft, conntrack); skipped as "
                        + System.getProperty("user.name"));
        for (String tool : List.of("ip", "nft", "conntrack", "sysctl", "socat", "baresip")) {
            if (Executables.find(tool).isEmpty()) {
                throw new IllegalStateException("'" + tool + "' is missing: the NAT lab needs iproute2, nftables, "
                        + "conntrack, socat and baresip-core (.ci/run installs them)");
            }
        }
        removeStaleLabs();
        prefix = "nl-j" + ProcessHandle.current().pid() + "x" + LABS.incrementAndGet();
        logDir = HarnessFiles.logDir("natlab-" + context.getRequiredTestClass().getSimpleName());
        try {
            build();
        } catch (RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tearDown();
    }

    /** The namespace of {@code role}: srv, nat1, nat2, ph1, ph2 or pub. */
    public String namespace(String role) {
        return prefix + "-" + role;
    }

    /** The private address of phone 1 or 2. */
    public static String phoneAddress(int phone) {
        return "192.168.7" + (6 + phone) + ".10";
    }

    /** The public (server-side) address of NAT 1 or 2. */
    public static String natAddress(int nat) {
        return "10.200.0." + (1 + nat);
    }

    public Path logDir() {
        return logDir;
    }

    /** Forwards a loopback port of this JVM to {@code host:port} in namespace {@code role}; closed with the lab. */
    public NamespacePortForward forward(String role, String host, int port) {
        NamespacePortForward f = NamespacePortForward.open(namespace(role), host, port, logDir);
        owned.add(f);
        return f;
    }

    /** Something to close before the namespaces go (appliance, phones). */
    public <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** Drops NAT {@code nat}'s UDP mappings of source port {@code port}: the next packet gets a new random port. */
    public int dropUdpMappings(int nat, int port) {
        return drop(nat, "--orig-port-src", Integer.toString(port));
    }

    /** Drops every UDP mapping of NAT {@code nat} (SIP and RTP alike): as if the NAT had rebooted. */
    public int dropUdpMappings(int nat) {
        return drop(nat);
    }

    private int drop(int nat, String... filter) {
        List<String> command = new ArrayList<>(List.of("conntrack", "-D", "-p", "udp"));
        command.addAll(List.of(filter));
        LabShell.Result r = LabShell.attempt(LabShell.in(namespace("nat" + nat), command.toArray(String[]::new)));
        Matcher m = Pattern.compile("(\\d+) flow entries have been deleted").matcher(r.output());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** NAT {@code nat}'s UDP mappings as conntrack lists them. */
    public String udpMappings(int nat) {
        return LabShell.attempt(LabShell.in(namespace("nat" + nat), "conntrack", "-L", "-p", "udp")).output();
    }

    /**
     * Sets how long NAT {@code nat} keeps an idle UDP mapping: both the unreplied and the "stream" timeout (a mapping
     * that saw replies lives {@code nf_conntrack_udp_timeout_stream}, 120 s by default), so it is this in any case.
     */
    public void udpTimeout(int nat, int seconds) {
        String ns = namespace("nat" + nat);
        LabShell.run(LabShell.in(ns, "sysctl", "-qw", "net.netfilter.nf_conntrack_udp_timeout=" + seconds));
        LabShell.run(LabShell.in(ns, "sysctl", "-qw", "net.netfilter.nf_conntrack_udp_timeout_stream=" + seconds));
    }

    private void build() {
        for (String role : ROLES) {
            LabShell.run("ip", "netns", "add", namespace(role));
            LabShell.run("ip", "-n", namespace(role), "link", "set", "lo", "up");
        }
        String srv = namespace("srv");
        LabShell.run("ip", "-n", srv, "link", "add", "br0", "type", "bridge");
        LabShell.run("ip", "-n", srv, "addr", "add", SERVER + "/24", "dev", "br0");
        LabShell.run("ip", "-n", srv, "addr", "add", "10.200.0.11/24", "dev", "br0");
        LabShell.run("ip", "-n", srv, "link", "set", "br0", "up");
        for (int i = 1; i <= 2; i++) {
            natBehind(i);
        }
        LabShell.run("ip", "link", "add", "p3", "netns", srv, "type", "veth", "peer", "name", "eth0", "netns",
                namespace("pub"));
        LabShell.run("ip", "-n", srv, "link", "set", "p3", "master", "br0");
        LabShell.run("ip", "-n", srv, "link", "set", "p3", "up");
        LabShell.run("ip", "-n", namespace("pub"), "addr", "add", PUBLIC_PHONE + "/24", "dev", "eth0");
        LabShell.run("ip", "-n", namespace("pub"), "link", "set", "eth0", "up");
    }

    /** Phone {@code i} behind NAT {@code i}: veth pairs, addresses, default route and the masquerade rule. */
    private void natBehind(int i) {
        String srv = namespace("srv");
        String nat = namespace("nat" + i);
        String phone = namespace("ph" + i);
        String lan = "192.168.7" + (6 + i);
        LabShell.run("ip", "link", "add", "w" + i, "netns", nat, "type", "veth", "peer", "name", "p" + i, "netns", srv);
        LabShell.run("ip", "-n", srv, "link", "set", "p" + i, "master", "br0");
        LabShell.run("ip", "-n", srv, "link", "set", "p" + i, "up");
        LabShell.run("ip", "-n", nat, "addr", "add", natAddress(i) + "/24", "dev", "w" + i);
        LabShell.run("ip", "-n", nat, "link", "set", "w" + i, "up");
        LabShell.run("ip", "link", "add", "l" + i, "netns", nat, "type", "veth", "peer", "name", "eth0", "netns", phone);
        LabShell.run("ip", "-n", nat, "addr", "add", lan + ".1/24", "dev", "l" + i);
        LabShell.run("ip", "-n", nat, "link", "set", "l" + i, "up");
        LabShell.run("ip", "-n", phone, "addr", "add", phoneAddress(i) + "/24", "dev", "eth0");
        LabShell.run("ip", "-n", phone, "link", "set", "eth0", "up");
        LabShell.run("ip", "-n", phone, "route", "add", "default", "via", lan + ".1");
        LabShell.run(LabShell.in(nat, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
        LabShell.runWithInput("""
                table ip nat {
                  chain post {
                    type nat hook postrouting priority srcnat; policy accept;
                    oifname "w%d" ip saddr %s.0/24 masquerade fully-random
                  }
                }
                """.formatted(i, lan), LabShell.in(nat, "nft", "-f", "-"));
    }

    private void tearDown() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // Tearing down anyway: the namespaces below go whatever their processes did.
                System.err.println("NAT lab: closing " + owned.get(i) + " failed: " + e);
            }
        }
        owned.clear();
        if (prefix != null) {
            deleteLab(prefix);
        }
    }

    /** Labs of JVMs that no longer run: their processes are killed and their namespaces deleted. */
    private static void removeStaleLabs() {
        List<String> stale = new ArrayList<>();
        for (String line : LabShell.run("ip", "netns", "list").split("\n")) {
            Matcher m = OURS.matcher(line.trim());
            if (m.find() && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty() && !stale.contains(m.group(1))) {
                stale.add(m.group(1));
            }
        }
        stale.forEach(NatLab::deleteLab);
    }

    private static void deleteLab(String prefix) {
        for (String role : ROLES) {
            String ns = prefix + "-" + role;
            if (!Files.exists(Path.of("/run/netns", ns))) {
                continue;
            }
            for (String pid : LabShell.attempt("ip", "netns", "pids", ns).output().split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            LabShell.attempt("ip", "netns", "del", ns);
        }
    }
}
