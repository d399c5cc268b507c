package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One headless baresip 1.0.0 instance (a real third-party SIP phone) in its own scratch directory, driven over
 * ctrl_tcp. Received audio is recorded by the sndfile module; received MESSAGEs are parsed from stdout.
 *
 * <p>Lifetime is bounded three ways: {@link #close()} (quit, then SIGKILL after 5 s), baresip's own {@code -t}
 * limit ({@link Builder#maxLifetime}) and a JVM shutdown hook. Logs go to {@code target/harness-logs}.
 *
 * <p>stdio.so is loaded because in 1.0.0 it is the only way to see received MESSAGE text; its stdin is a pipe
 * held open by this JVM (stdio busy-loops at 100 % CPU on EOF; if the JVM dies, {@code -t} still ends it).
 */
public final class BaresipPhone implements AutoCloseable {

    /** How an incoming call is answered. */
    public enum AnswerMode {
        AUTO, MANUAL;

        String configValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(5);
    private static final Pattern REGISTERED = Pattern.compile("\\bOK\\b");

    private final String name;
    private final String aor;
    private final int sipPort;
    private final int ctrlPort;
    private final Path directory;
    private final Path logDir;
    private final List<String> contacts;
    private final ExternalProcess process;
    private final List<BaresipEvent> events = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final Object eventSignal = new Object();
    private BaresipControl control;
    private NamespacePortForward controlForward;
    private int currentContact;
    private boolean closed;

    private BaresipPhone(Builder b, Path directory, Path logDir, int sipPort, int ctrlPort, List<String> command) {
        this.name = b.name;
        this.aor = b.aor;
        this.sipPort = sipPort;
        this.ctrlPort = ctrlPort;
        this.directory = directory;
        this.logDir = logDir;
        this.contacts = List.copyOf(b.contacts);
        this.process = ExternalProcess.start("baresip-" + name, command, directory, logDir.resolve("baresip.log"),
                true, this::onOutputLine);
    }

    /** @param aor the account's address of record, e.g. {@code sip:1001@127.0.0.1:5062} */
    public static Builder builder(String aor) {
        return new Builder(aor);
    }

    /** Ends a test class's phones (those that started: a null is skipped). */
    public static void closeAll(BaresipPhone... phones) {
        for (BaresipPhone phone : phones) {
            if (phone != null) {
                phone.close();
            }
        }
    }

    public String name() {
        return name;
    }

    public String aor() {
        return aor;
    }

    /** UDP/TCP SIP port (TLS uses sipPort + 1). */
    public int sipPort() {
        return sipPort;
    }

    public int ctrlPort() {
        return ctrlPort;
    }

    /** Scratch directory with config, accounts, contacts and {@code rec/}. */
    public Path directory() {
        return directory;
    }

    /** Directory under target/ with baresip.log, events.jsonl and copies of the config files. */
    public Path logDir() {
        return logDir;
    }

    /**
     * Polls {@code reginfo} until the account shows OK.
     *
     * @throws AssertionError with the last reginfo and the log tail if it does not register in time
     */
    public void awaitRegistered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        do {
            last = command("reginfo", "");
            if (REGISTERED.matcher(last).find()) {
                return;
            }
            pause(100);
        } while (System.nanoTime() < deadline && process.isAlive());
        throw new AssertionError(name + " (" + aor + ") not registered within " + timeout + "; reginfo:\n" + last
                + "\n--- log tail ---\n" + process.outputTail(3000));
    }

    /** Current registration state from {@code reginfo}. */
    public boolean isRegistered() {
        return REGISTERED.matcher(command("reginfo", "")).find();
    }

    /** Runs any long ctrl_tcp command (see {@code help}) and returns its response text. */
    public String command(String command, String params) {
        return control().command(command, params, COMMAND_TIMEOUT);
    }

    public void dial(String uri) {
        command("dial", uri);
    }

    /** Answers a ringing incoming call (answer mode manual). */
    public void accept() {
        command("accept", "");
    }

    /** Ends the current call; on a ringing incoming call this rejects it (486). */
    public void hangup() {
        command("hangup", "");
    }

    /**
     * Sends a SIP MESSAGE. baresip 1.0.0 can only message its "current contact", so {@code uri} must have been
     * declared with {@link Builder#contact(String)}; this steps the current contact to it with
     * {@code contact_next}/{@code contact_prev} and then issues {@code message}. Delivery failures are only
     * visible in the log (e.g. " 404 Not Found").
     */
    public synchronized void sendMessage(String uri, String text) {
        int target = contacts.indexOf(uri);
        if (target < 0) {
            throw new IllegalArgumentException(uri + " is not a contact of " + name
                    + "; baresip 1.0.0 can only MESSAGE contacts, declare it with Builder.contact(uri). Contacts: "
                    + contacts);
        }
        while (currentContact != target) {
            boolean forward = currentContact < target;
            String response = command(forward ? "contact_next" : "contact_prev", "");
            currentContact += forward ? 1 : -1;
            String expected = "<" + contacts.get(currentContact) + ">";
            if (!response.contains(expected)) {
                throw new IllegalStateException("contact selection out of step: expected " + expected + ", got "
                        + response.trim());
            }
        }
        command("message", text);
    }

    /** All ctrl_tcp events received so far, oldest first (events before the connection are lost). */
    public List<BaresipEvent> events() {
        return List.copyOf(events);
    }

    /** Forgets past events, e.g. between two calls of one test. */
    public void clearEvents() {
        events.clear();
    }

    /** Waits for the first event of {@code type} (including ones already received) and returns it. */
    public BaresipEvent awaitEvent(String type, Duration timeout) {
        return awaitEvent(e -> e.isType(type), type, timeout);
    }

    /**
     * Waits for the first event matching {@code condition} (including ones already received).
     *
     * @throws AssertionError listing all events seen, if none matches in time
     */
    public BaresipEvent awaitEvent(Predicate<BaresipEvent> condition, String description, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (eventSignal) {
            while (true) {
                for (BaresipEvent event : events) {
                    if (condition.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(name + ": no event " + description + " within " + timeout
                            + "; events: " + events + "\n--- log tail ---\n" + process.outputTail(3000));
                }
                try {
                    eventSignal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + description, e);
                }
            }
        }
    }

    /** MESSAGEs received so far (parsed from stdout), oldest first. */
    public List<ReceivedMessage> receivedMessages() {
        return List.copyOf(messages);
    }

    /**
     * Recordings of received (decoded) audio, {@code rec/dump-<time>-dec.wav}, oldest first. Names have
     * 1-second resolution, so two calls started within the same second share one file.
     */
    public List<Path> recordings() {
        return listRecordings("-dec.wav");
    }

    /** Recordings of sent (encoded) audio, {@code rec/dump-<time>-enc.wav}. */
    public List<Path> sentRecordings() {
        return listRecordings("-enc.wav");
    }

    /** stdout/stderr so far, ANSI stripped. */
    public String log() {
        return process.output();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends quit, waits up to 5 s, then SIGKILLs; removes the scratch directory unless asked to keep it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive() && control != null) {
                requestQuit();
            }
            if (!process.waitFor(QUIT_GRACE)) {
                process.kill();
            }
        } finally {
            if (control != null) {
                control.close();
            }
            if (controlForward != null) {
                controlForward.close();
            }
            if (HarnessFiles.cleanUp(directory)) {
                process.note("removed " + directory);
            } else {
                process.note("kept " + directory);
            }
        }
    }

    @Override
    public String toString() {
        return "BaresipPhone[" + name + " " + aor + " sip=" + sipPort + " ctrl=" + ctrlPort + "]";
    }

    private void requestQuit() {
        try {
            control.command("quit", "", Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            // Shutting down anyway: SIGKILL follows if quit did not get through; keep the reason in the log.
            process.note("quit failed: " + e);
        }
    }

    private void connect(Duration timeout) {
        int port = controlForward != null ? controlForward.localPort() : ctrlPort;
        control = BaresipControl.connect(port, timeout, process::isAlive, this::onEvent, process::note);
    }

    /**
     * ctrl_tcp listens on the namespace's own loopback: a forward leads there once it listens (a connection through
     * the forward before that would be accepted here and closed at once).
     */
    private void forwardControl(String namespace, Path logs) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!LabShell.attempt(LabShell.in(namespace, "socat", "-u", "OPEN:/dev/null",
                "TCP:127.0.0.1:" + ctrlPort)).ok()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": ctrl_tcp does not listen in " + namespace);
            }
            pause(100);
        }
        controlForward = NamespacePortForward.open(namespace, "127.0.0.1", ctrlPort, logs);
    }

    private BaresipControl control() {
        if (control == null || closed) {
            throw new IllegalStateException(name + " is not running");
        }
        return control;
    }

    private void onEvent(BaresipEvent event) {
        events.add(event);
        appendEventLog(event);
        synchronized (eventSignal) {
            eventSignal.notifyAll();
        }
    }

    private void onOutputLine(String line) {
        ReceivedMessage.parse(line).ifPresent(messages::add);
    }

    private void appendEventLog(BaresipEvent event) {
        try {
            Files.writeString(logDir.resolve("events.jsonl"), event.json() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event log in " + logDir, e);
        }
    }

    private List<Path> listRecordings(String suffix) {
        Path rec = directory.resolve("rec");
        if (!Files.isDirectory(rec)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rec)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + rec, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Configures and starts a {@link BaresipPhone}. */
    public static final class Builder {
        private final String aor;
        private String name;
        private String authUser;
        private String password;
        private AnswerMode answerMode = AnswerMode.AUTO;
        private int regint = 60;
        private Path audioFile;
        private double toneHz = 440;
        private List<String> codecs = List.of("pcmu");
        private String outbound;
        private final List<String> contacts = new ArrayList<>();
        private final List<String> accountParams = new ArrayList<>();
        private int sipPort;
        private Duration maxLifetime = Duration.ofMinutes(10);
        private boolean sipTrace;
        private boolean mwi;
        private String namespace;
        private String address = "127.0.0.1";

        private Builder(String aor) {
            if (!aor.startsWith("sip:")) {
                throw new IllegalArgumentException("AOR must be a sip: URI: " + aor);
            }
            this.aor = aor;
            this.name = aor.substring(4).replaceAll("@.*", "");
        }

        /** Label for logs and thread names; defaults to the AOR's user part. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        /** Digest user name when it differs from the AOR user (e.g. a second device {@code 1002b}). */
        public Builder authUser(String authUser) {
            this.authUser = authUser;
            return this;
        }

        /** Required: without auth_pass baresip 1.0.0 prompts on stdin. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder answerMode(AnswerMode answerMode) {
            this.answerMode = Objects.requireNonNull(answerMode);
            return this;
        }

        /** Registration interval in seconds; 0 disables registration. */
        public Builder regint(int seconds) {
            this.regint = seconds;
            return this;
        }

        /** Audio to send: a WAV in S16LE, mono, 8000 Hz (see {@link ToneWav}). The call ends when it ends. */
        public Builder audioFile(Path wav) {
            this.audioFile = wav;
            return this;
        }

        /** Without {@link #audioFile}, the phone sends a generated sine tone of this frequency (default 440 Hz). */
        public Builder tone(double hz) {
            this.toneHz = hz;
            return this;
        }

        /** Audio codecs in preference order (account {@code audio_codecs}); default pcmu. */
        public Builder codecs(String... codecs) {
            this.codecs = List.of(codecs);
            return this;
        }

        /**
         * Sends REGISTER and all other requests via this proxy (account {@code outbound}), e.g.
         * {@code sip:127.0.0.1:5062}. baresip appends {@code ;lr} itself.
         */
        public Builder outboundProxy(String proxyUri) {
            this.outbound = proxyUri;
            return this;
        }

        /**
         * Registrar on an explicit host:port while the AOR keeps its own domain. baresip 1.0.0 has no registrar
         * parameter (REGISTER goes to the AOR domain), so this sets the outbound proxy.
         */
        public Builder registrar(String hostPort) {
            return outboundProxy("sip:" + hostPort);
        }

        /** A contact URI; MESSAGEs can only be sent to contacts (baresip 1.0.0 limitation). */
        public Builder contact(String uri) {
            if (!contacts.contains(uri)) {
                contacts.add(uri);
            }
            return this;
        }

        /** Extra raw account parameter, e.g. {@code medianat=turn}. */
        public Builder accountParam(String param) {
            accountParams.add(param);
            return this;
        }

        /** Fixed SIP port (P and P+1 must be free); default: a free pair. */
        public Builder sipPort(int port) {
            this.sipPort = port;
            return this;
        }

        /** Hard limit passed as baresip {@code -t}: the process quits by itself after this (default 10 min). */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        /** Adds {@code -s}: SIP messages are printed to the log. */
        public Builder sipTrace(boolean enabled) {
            this.sipTrace = enabled;
            return this;
        }

        /**
         * Loads baresip's mwi module: after registering, the phone SUBSCRIBEs to its message summary
         * (RFC 3842) and reports each NOTIFY as an {@code MWI_NOTIFY} event whose param is the body.
         */
        public Builder mwi() {
            this.mwi = true;
            return this;
        }

        /**
         * Runs the phone inside network namespace {@code namespace} ({@code ip netns exec}, as root), listening and
         * sending media on {@code address} there: a phone of the {@link NatLab}. Its ctrl_tcp listens on that
         * namespace's loopback and is reached through a {@link NamespacePortForward}.
         */
        public Builder namespace(String namespace, String address) {
            this.namespace = Objects.requireNonNull(namespace);
            this.address = Objects.requireNonNull(address);
            return this;
        }

        /**
         * Starts baresip and connects to ctrl_tcp. Skips the calling test if baresip is not installed.
         */
        public BaresipPhone start() {
            String binary = Executables.require("baresip");
            if (password == null) {
                throw new IllegalStateException("password is required (baresip 1.0.0 would prompt for it)");
            }
            Path dir = HarnessFiles.tempDir("baresip-" + name);
            Path logs = HarnessFiles.logDir("baresip-" + name);
            int sip = sipPort != 0 ? sipPort : FreePorts.pair();
            int ctrl = namespace != null ? 4441 : FreePorts.udpAndTcp();
            try {
                Files.createDirectories(dir.resolve("rec"));
                Path wav = audioFile != null ? audioFile.toAbsolutePath()
                        : ToneWav.write(dir.resolve("tone.wav"), toneHz, maxLifetime.plusSeconds(30), 0.5);
                write(dir, logs, "config", config(dir, address, sip, ctrl, wav)
                        + (mwi ? "module_app         mwi.so\n" : ""));
                write(dir, logs, "accounts", accountLine() + "\n");
                write(dir, logs, "contacts", contactLines());
                if (!contacts.isEmpty()) {
                    // The contact module restores the current contact from this file; pin it to the first.
                    write(dir, logs, "current_contact", contacts.get(0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare baresip directory " + dir, e);
            }
            List<String> command = new ArrayList<>();
            if (namespace != null) {
                command.addAll(List.of("ip", "netns", "exec", namespace));
            }
            command.addAll(List.of(binary, "-f", dir.toString(),
                    "-t", Long.toString(Math.max(1, maxLifetime.toSeconds()))));
            if (sipTrace) {
                command.add("-s");
            }
            BaresipPhone phone = new BaresipPhone(this, dir, logs, sip, ctrl, command);
            try {
                if (namespace != null) {
                    phone.forwardControl(namespace, logs);
                }
                phone.connect(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                phone.close();
                throw new IllegalStateException("baresip " + name + " did not come up: " + e.getMessage()
                        + "\n--- log ---\n" + phone.process.outputTail(3000), e);
            }
            return phone;
        }

        String accountLine() {
            StringBuilder line = new StringBuilder("<").append(aor).append(">");
            if (authUser != null) {
                line.append(";auth_user=").append(authUser);
            }
            line.append(";auth_pass=").append(password);
            line.append(";answermode=").append(answerMode.configValue());
            line.append(";regint=").append(regint);
            line.append(";audio_codecs=").append(String.join(",", codecs));
            if (outbound != null) {
                line.append(";outbound=\"").append(outbound).append('"');
            }
            accountParams.forEach(p -> line.append(';').append(p));
            return line.toString();
        }

        private String contactLines() {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < contacts.size(); i++) {
                lines.append("\"contact").append(i).append("\" <").append(contacts.get(i)).append(">\n");
            }
            return lines.toString();
        }

        private static String config(Path dir, String address, int sipPort, int ctrlPort, Path wav) {
            // Template from docs/real-peers.md section 2; net_interface keeps SDP/RTP on loopback.
            // RTP ports come from the ephemeral range so they never take a port FreePorts hands out.
            int[] rtp = FreePorts.ephemeralRange();
            return """
                    poll_method        epoll
                    net_interface      %s
                    sip_listen         %s:%d
                    call_local_timeout 30
                    call_max_calls     4
                    audio_path         /usr/share/baresip
                    audio_source       aufile,%s
                    audio_player       aubridge,nil
                    audio_alert        aubridge,nil
                    ausrc_srate        8000
                    ausrc_channels     1
                    rtp_timeout        0
                    rtp_ports          %d-%d
                    rtcp_mux           yes
                    module_path        /usr/lib/baresip/modules
                    module             stdio.so
                    module             g711.so
                    module             aufile.so
                    module             aubridge.so
                    module             sndfile.so
                    module             stun.so
                    module             turn.so
                    module             ice.so
                    module_tmp         uuid.so
                    module_tmp         account.so
                    module_app         contact.so
                    module_app         menu.so
                    module_app         ctrl_tcp.so
                    ctrl_tcp_listen    127.0.0.1:%d
                    snd_path           %s
                    statmode_default   off
                    """.formatted(address, address, sipPort, wav, rtp[0], rtp[1], ctrlPort, dir.resolve("rec"));
        }

        private static void write(Path dir, Path logs, String file, String content) throws IOException {
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
            Files.writeString(logs.resolve(file), content, StandardCharsets.UTF_8);
        }
    }
}
