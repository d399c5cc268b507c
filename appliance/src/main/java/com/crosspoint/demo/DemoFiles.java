package com.crosspoint.demo;

import com.crosspoint.media.codec.G711Ulaw;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the demo carriers' SIPp processes read, written under one directory (the data directory's
 * {@code demo-carriers}): the scenario with each carrier's delays and tone filled in, its injection file of outcomes,
 * its tone as raw PCMU, its rate deck; and where their logs go.
 */
final class DemoFiles {
    private static final String SCENARIO = "demo/carrier.xml";
    private final Path dir;
    private final String template;

    DemoFiles(Path dir) {
        this.dir = dir;
        try (InputStream in = DemoFiles.class.getClassLoader().getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("no " + SCENARIO + " on the classpath");
            }
            template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCENARIO, e);
        }
    }

    Path scenario(SimulatedCarrier c) throws IOException {
        String text = template.replace("__RING_MILLIS__", Integer.toString(c.ringMillis()))
                .replace("__ANSWER_MILLIS__", Integer.toString(c.answerMillis()))
                .replace("__TONE_FILE__", tone(c).toString());
        return Files.writeString(file(c, "scenario.xml"), text, StandardCharsets.ISO_8859_1);
    }

    /** SIPp's injection file: one outcome per call, in turn (SEQUENTIAL wraps around). */
    Path outcomes(SimulatedCarrier c) throws IOException {
        return Files.writeString(file(c, "outcomes.csv"), "SEQUENTIAL\n" + String.join("\n", c.outcomes()) + "\n",
                StandardCharsets.ISO_8859_1);
    }

    /** A fresh copy each time: the importer takes the file it is given. */
    Path deck(SimulatedCarrier c) throws IOException {
        return Files.writeString(file(c, "deck.csv"), c.rateDeck(), StandardCharsets.UTF_8);
    }

    Path log(SimulatedCarrier c, String name) {
        return file(c, name);
    }

    /** One second of the carrier's tone as raw µ-law: a whole number of periods, so it loops without a click. */
    private Path tone(SimulatedCarrier c) throws IOException {
        byte[] samples = new byte[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = G711Ulaw.encodeSample((int) Math.round(8000 * Math.sin(2 * Math.PI * c.toneHz() * i / 8000.0)));
        }
        return Files.write(file(c, "tone-" + c.toneHz() + ".ulaw"), samples);
    }

    private Path file(SimulatedCarrier c, String name) {
        return dir.resolve(c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + name);
    }
}
