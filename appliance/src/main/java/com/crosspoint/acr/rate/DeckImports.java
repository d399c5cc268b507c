package com.crosspoint.acr.rate;

import com.crosspoint.model.RateDeckImport;
import com.crosspoint.model.RateDeckImport.State;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate-deck imports run in the background, one carrier's at a time per {@link RateDeckImporter}: an uploaded file is
 * handed over, the caller gets its {@link RateDeckImport} at once, and every change of it goes to the listener (the
 * event stream) and stays readable through {@link #latest}. The file is deleted when its import is over.
 */
public final class DeckImports {
    private static final Logger LOG = LoggerFactory.getLogger(DeckImports.class);

    private final RateDeckImporter importer;
    private final Executor executor;
    private final Clock clock;
    private final Consumer<RateDeckImport> listener;
    private final Map<Long, RateDeckImport> latest = new ConcurrentHashMap<>();

    /**
     * @param executor runs the imports (one thread is enough: the importer runs one at a time anyway)
     * @param listener told of every change worth showing (state, or a percent more), on the importing thread
     */
    public DeckImports(RateDeckImporter importer, Executor executor, Clock clock, Consumer<RateDeckImport> listener) {
        this.importer = importer;
        this.executor = executor;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Queues the import of {@code csv} (UTF-8) as the carrier's deck; the file is the importer's from now on.
     *
     * @throws IllegalStateException when an import for the carrier is queued or running
     */
    public RateDeckImport start(long carrierId, Path csv, String source) throws IOException {
        RateDeckImport queued = new RateDeckImport(carrierId, source, State.QUEUED, Files.size(csv), 0, 0, 0,
                java.util.List.of(), 0, clock.instant(), null, null, null);
        RateDeckImport before = latest.compute(carrierId, (id, current) ->
                current != null && !current.state().finished() ? current : queued);
        if (before != queued) {
            throw new IllegalStateException("an import of carrier " + carrierId + "'s deck is under way");
        }
        listener.accept(queued);
        try {
            executor.execute(() -> run(queued, csv));
        } catch (RuntimeException e) {
            latest.remove(carrierId, queued);
            Files.deleteIfExists(csv);
            throw e;
        }
        return queued;
    }

    /** The carrier's import under way, else its last one since start. */
    public Optional<RateDeckImport> latest(long carrierId) {
        return Optional.ofNullable(latest.get(carrierId));
    }

    /** Forgets a deleted carrier's imports. */
    public void forget(long carrierId) {
        latest.computeIfPresent(carrierId, (id, current) -> current.state().finished() ? null : current);
    }

    private void run(RateDeckImport queued, Path csv) {
        Tracker tracker = new Tracker(queued);
        try (CountingStream counted = new CountingStream(Files.newInputStream(csv));
             Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8)) {
            tracker.update(queued.reading(0, 0));
            tracker.counted = counted;
            ImportOutcome outcome = importer.importDeck(queued.carrierId(), reader, queued.source(), tracker);
            if (outcome instanceof ImportOutcome.Imported ok) {
                tracker.update(tracker.current.done(ok.deck().id(), ok.deck().rowCount(), clock.instant()));
            } else if (outcome instanceof ImportOutcome.Rejected bad) {
                tracker.update(tracker.current.rejected(bad.rowsRead(), bad.errors(), bad.moreErrors(),
                        clock.instant()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Import of deck {} for carrier {} failed", queued.source(), queued.carrierId(), e);
            String why = e instanceof java.util.NoSuchElementException ? "the carrier no longer exists"
                    : "the deck could not be stored (" + e.getClass().getSimpleName() + "); see the appliance log";
            tracker.update(tracker.current.failed(why, clock.instant()));
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                LOG.warn("Could not delete the uploaded deck {}", csv, e);
            }
        }
    }

    /** Turns the importer's progress calls into the import's state, telling the listener of visible changes. */
    private final class Tracker implements ImportProgress {
        private RateDeckImport current;
        private int toldPercent = -1;
        private State toldState;
        private CountingStream counted;

        Tracker(RateDeckImport start) {
            this.current = start;
        }

        @Override
        public void rowsRead(long rows) {
            update(current.reading(counted == null ? 0 : counted.count(), rows));
        }

        @Override
        public void rowsStored(long rows) {
            update(current.storing(rows));
        }

        void update(RateDeckImport next) {
            current = next;
            latest.put(next.carrierId(), next);
            if (next.state() != toldState || next.percent() != toldPercent) {
                toldState = next.state();
                toldPercent = next.percent();
                listener.accept(next);
            }
        }
    }

    /** Bytes taken from the file so far: how far reading has come. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
