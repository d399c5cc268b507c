package com.crosspoint.demo;

import com.crosspoint.acr.CarrierService;
import com.crosspoint.acr.rate.DeckImports;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo's simulated carriers ({@link SimulatedCarrier#DEMO}) as SIPp processes on loopback and puts them
 * into the call router: a carrier of the same name is kept (its id, figures and service state) and pointed at the
 * new port; its rate deck is imported again at every start. Stops them on close.
 */
public final class DemoCarriers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCarriers.class);
    public static final String INSTALL_HINT = "install SIPp for the demo's simulated carriers: "
            + "apt-get install sip-tester (Debian, Ubuntu), dnf install sipp, or https://github.com/SIPp/sipp";

    /** A running carrier: where it listens and its process. */
    public record Running(SimulatedCarrier carrier, long carrierId, int port, CarrierProcess process) {
    }

    private final List<Running> running;

    private DemoCarriers(List<Running> running) {
        this.running = running;
    }

    /**
     * Starts the carriers with the {@code sipp} found on the PATH, or returns empty (after saying once how to get
     * it) when there is none.
     *
     * @param dir where the scenarios, tone files, decks and logs go (created)
     */
    public static Optional<DemoCarriers> start(Optional<Path> sipp, Path dir, CarrierService carriers,
                                               DeckImports decks) {
        if (sipp.isEmpty()) {
            LOG.info("Demo: no sipp on the PATH: no simulated carriers (the banner says how to install it)");
            return Optional.empty();
        }
        List<Running> running = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            DemoFiles files = new DemoFiles(dir);
            for (SimulatedCarrier c : SimulatedCarrier.DEMO) {
                running.add(start(sipp.get(), files, c, carriers, decks));
            }
            return Optional.of(new DemoCarriers(List.copyOf(running)));
        } catch (IOException | RuntimeException e) {
            running.forEach(r -> r.process().close());
            throw e instanceof IOException io ? new UncheckedIOException("demo carriers: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    private static Running start(Path sipp, DemoFiles files, SimulatedCarrier c, CarrierService carriers,
                                 DeckImports decks) throws IOException {
        LoopbackPorts.Ports ports = LoopbackPorts.forSipp();
        CarrierProcess process = CarrierProcess.start(c.name(), List.of(sipp.toString(),
                "-sf", files.scenario(c).toString(), "-inf", files.outcomes(c).toString(),
                "-i", LoopbackPorts.HOST, "-p", Integer.toString(ports.sip()),
                "-mp", Integer.toString(ports.media()), "-cp", Integer.toString(ports.control()),
                "-nostdin", "-trace_err", "-error_file", files.log(c, "errors.log").toString()),
                files.log(c, "sipp.log"));
        try {
            long id = register(c, ports.sip(), carriers);
            decks.start(id, files.deck(c), "demo");
            LOG.info("Demo carrier {} on {}:{}: {}, {} per minute", c.name(), LoopbackPorts.HOST, ports.sip(),
                    c.behaviour(), c.ratePerMinute());
            return new Running(c, id, ports.sip(), process);
        } catch (RuntimeException | IOException e) {
            process.close();
            throw e;
        }
    }

    /** The carrier of that name pointed at {@code port}, or a new one. */
    private static long register(SimulatedCarrier c, int port, CarrierService carriers) {
        Optional<Carrier> existing = carriers.list().stream().filter(k -> k.name().equals(c.name())).findFirst();
        if (existing.isPresent()) {
            Carrier k = existing.get();
            return carriers.update(new Carrier(k.id(), k.name(), LoopbackPorts.HOST, port, CarrierTransport.UDP,
                    null, "", k.maxChannels(), k.maxCallsPerSecond(), k.inService())).id();
        }
        return carriers.create(new Carrier(0, c.name(), LoopbackPorts.HOST, port, CarrierTransport.UDP, null, "", 0, 0,
                true)).id();
    }

    /** The {@code sipp} executable on the PATH, if any. */
    public static Optional<Path> sippOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "sipp");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public List<Running> running() {
        return running;
    }

    @Override
    public void close() {
        running.forEach(r -> r.process().close());
    }

    /** Writes a text file (UTF-8). */
    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
