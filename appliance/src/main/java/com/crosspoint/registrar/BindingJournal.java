package com.crosspoint.registrar;

import com.crosspoint.concurrency.GroupCommit;
import com.crosspoint.model.Binding;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.BindingStore.BindingKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Writes binding changes to the store with group commit: while one transaction commits, the
 * changes that arrive meanwhile queue up and go together in the next. A burst of REGISTERs thus
 * costs a few fsyncs instead of one each, and every caller still learns when its own change is
 * durable (so its 200 OK is sent after the commit, never before), or that it alone failed.
 */
public final class BindingJournal implements AutoCloseable {
    private static final int MAX_BATCH = 500;

    private final BindingStore store;
    private final GroupCommit<Change> commits;

    public BindingJournal(BindingStore store) {
        this.store = store;
        this.commits = new GroupCommit<>("binding-journal", MAX_BATCH, this::apply, c -> "binding change of "
                + c.aors());
    }

    /** Queues a change; the future completes when it is committed, or fails with the store's error. */
    public CompletableFuture<Void> write(List<Binding> upserts, List<BindingKey> removals) {
        return commits.write(new Change(upserts, removals));
    }

    private void apply(List<Change> batch) {
        // Later changes to the same binding win; an upsert followed by a removal is a removal.
        Map<BindingKey, Binding> merged = new LinkedHashMap<>();
        for (Change c : batch) {
            for (Binding b : c.upserts) {
                merged.put(new BindingKey(b.aor(), b.contact()), b);
            }
            for (BindingKey k : c.removals) {
                merged.put(k, null);
            }
        }
        List<Binding> upserts = new ArrayList<>();
        List<BindingKey> removals = new ArrayList<>();
        merged.forEach((k, b) -> {
            if (b == null) {
                removals.add(k);
            } else {
                upserts.add(b);
            }
        });
        store.apply(upserts, removals);
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        commits.close();
    }

    private record Change(List<Binding> upserts, List<BindingKey> removals) {
        /** The addresses of record the change is about, for the log. */
        Set<String> aors() {
            Set<String> aors = new TreeSet<>();
            upserts.forEach(b -> aors.add(b.aor()));
            removals.forEach(k -> aors.add(k.aor()));
            return aors;
        }
    }
}
