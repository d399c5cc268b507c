package com.crosspoint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kamailio 5.6 as registrar and record-routing proxy with digest auth (users 1001-1005 with passwords
 * pw1001.., and load1.. with loadpw), listening on UDP+TCP 127.0.0.1:port. It is the harness' self-test peer
 * and the reference for performance comparisons. Each instance has its own run dir (pid file, ctl socket);
 * the log stays under {@code target/harness-logs}.
 */
public final class KamailioServer implements AutoCloseable {

    private static final String ALIAS_MARKER = "\n#@ALIASES@\n";
    private static final Pattern AOR = Pattern.compile("AoR:\\s*(\\S+)");
    private static final Pattern REGISTERED_USERS = Pattern.compile("registered_users\\s*=\\s*(\\d+)");
    private static final Duration KAMCMD_TIMEOUT = Duration.ofSeconds(5);

    private final int port;
    private final Path runDir;
    private final String ctlSocket;
    private final String kamcmd;
    private final ExternalProcess process;

    private KamailioServer(int port, Path runDir, String kamcmd, ExternalProcess process) {
        this.port = port;
        this.runDir = runDir;
        this.ctlSocket = "unix:" + runDir.resolve("ctl");
        this.kamcmd = kamcmd;
        this.process = process;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}: use it as the domain of AORs so that from_uri==myself matches. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code sip:user@127.0.0.1:port}. */
    public String aor(String user) {
        return "sip:" + user + "@" + hostPort();
    }

    /** AoRs (user parts) currently in the location table. */
    public Set<String> registeredUsers() {
        Set<String> users = new TreeSet<>();
        Matcher m = AOR.matcher(kamcmd("ul.dump", "brief"));
        while (m.find()) {
            users.add(m.group(1));
        }
        return users;
    }

    /** The usrloc registered_users statistic (counts AoRs). */
    public long registeredUserCount() {
        // Kamailio 5.6 prints nothing for "usrloc:registered_users"; the bare name or "usrloc:" works.
        String output = kamcmd("stats.get_statistics", "registered_users");
        Matcher m = REGISTERED_USERS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected kamcmd statistics output: " + output);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Runs a kamcmd RPC against this instance. String arguments need the {@code s:} prefix when they look like
     * numbers (e.g. {@code ul.lookup location s:1001}), or kamcmd sends an int.
     */
    public String kamcmd(String... args) {
        List<String> command = new ArrayList<>(List.of(kamcmd, "-s", ctlSocket));
        command.addAll(List.of(args));
        ShortCommand.Result result = ShortCommand.run(KAMCMD_TIMEOUT, command);
        if (!result.succeeded()) {
            throw new IllegalStateException("kamcmd " + String.join(" ", args) + " failed (" + result.exitCode()
                    + "): " + result.output());
        }
        return result.output();
    }

    /** The main process; its children (workers) are its descendants. */
    public long pid() {
        return process.pid();
    }

    /** Kamailio's stderr log so far. */
    public String log() {
        return process.output();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** SIGTERM (children exit in about 2 s), SIGKILL to the whole tree after 5 s; removes the run dir. */
    @Override
    public void close() {
        try {
            process.terminate(Duration.ofSeconds(5));
        } finally {
            HarnessFiles.cleanUp(runDir);
        }
    }

    @Override
    public String toString() {
        return "KamailioServer[" + hostPort() + "]";
    }

    /** Configures and starts a {@link KamailioServer}. */
    public static final class Builder {
        private int port;
        private String configResource = "kamailio/kamailio.cfg";
        private final List<String> aliases = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(10);
        private int sharedMemoryMb = 64;

        private Builder() {
        }

        /** UDP+TCP listen port; default: a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Config from the test classpath; must contain the {@code #@ALIASES@} line. */
        public Builder configResource(String resource) {
            this.configResource = resource;
            return this;
        }

        /**
         * Extra host or host:port Kamailio treats as itself, e.g. {@code 127.0.0.1} (any port) so that
         * clients with domain {@code 127.0.0.1} are authenticated too.
         */
        public Builder alias(String hostOrHostPort) {
            aliases.add(hostOrHostPort);
            return this;
        }

        /** Shared memory in MB (Kamailio's {@code -m}); the default 64 runs out near 600 calls/s. */
        public Builder sharedMemoryMb(int megabytes) {
            this.sharedMemoryMb = megabytes;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts Kamailio and waits until its ctl socket answers. Skips the test if it is not installed. */
        public KamailioServer start() {
            String binary = Executables.require("kamailio");
            String kamcmd = Executables.require("kamcmd");
            int listenPort = port != 0 ? port : FreePorts.udpAndTcp();
            // Short /tmp path: the ctl unix socket path must stay under 108 bytes.
            Path runDir = HarnessFiles.tempDir("kamailio");
            Path logDir = HarnessFiles.logDir("kamailio-" + listenPort);
            Path config = runDir.resolve("kamailio.cfg");
            try {
                String text = configText();
                Files.writeString(config, text, StandardCharsets.UTF_8);
                Files.writeString(logDir.resolve("kamailio.cfg"), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + config, e);
            }
            String listen = "127.0.0.1:" + listenPort;
            List<String> command = List.of(binary, "-DD", "-E", "-f", config.toString(),
                    "-l", "udp:" + listen, "-l", "tcp:" + listen,
                    "-Y", runDir.toString(), "-w", runDir.toString(), "-P", runDir.resolve("kamailio.pid").toString(),
                    "-m", Integer.toString(sharedMemoryMb), "-M", "8", "-A", "CTLSOCK=\"unix:" + runDir.resolve("ctl") + "\"");
            ExternalProcess process = ExternalProcess.start("kamailio-" + listenPort, command, runDir,
                    logDir.resolve("kamailio.log"), false, line -> { });
            KamailioServer server = new KamailioServer(listenPort, runDir, kamcmd, process);
            try {
                server.awaitControlSocket(startTimeout);
            } catch (RuntimeException | AssertionError e) {
                server.close();
                throw e;
            }
            return server;
        }

        private String configText() throws IOException {
            String template;
            try (InputStream in = KamailioServer.class.getClassLoader().getResourceAsStream(configResource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no Kamailio config resource " + configResource);
                }
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!template.contains(ALIAS_MARKER)) {
                throw new IllegalArgumentException(configResource + " lacks the #@ALIASES@ line");
            }
            StringBuilder lines = new StringBuilder("\n");
            aliases.forEach(a -> lines.append("alias=\"").append(a).append("\"\n"));
            return template.replace(ALIAS_MARKER, lines.toString());
        }
    }

    /** Kamailio binds its SIP sockets before forking, so a responding ctl process means SIP is up too. */
    private void awaitControlSocket(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ShortCommand.Result last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            last = ShortCommand.run(KAMCMD_TIMEOUT, List.of(kamcmd, "-s", ctlSocket, "core.uptime"));
            if (last.succeeded()) {
                return;
            }
            pause();
        }
        throw new AssertionError("Kamailio on " + hostPort() + " did not start within " + timeout
                + (process.isAlive() ? "" : " (exited " + process.exitCode().orElse(-1) + ")")
                + (last == null ? "" : "; kamcmd: " + last.output().trim())
                + "\n--- log tail ---\n" + process.outputTail(4000));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kamailio", e);
        }
    }
}
