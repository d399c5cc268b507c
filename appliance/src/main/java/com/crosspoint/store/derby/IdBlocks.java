package com.crosspoint.store.derby;

import com.crosspoint.store.StoreException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands out row ids, reserved in blocks in table {@code id_block}. The stores assign ids themselves
 * because Derby's identity columns fail concurrent inserts into tables with foreign keys: the
 * identity preallocation reports a lock timeout (40XL1) at once, again and again while the load
 * lasts. Ids are never reused; the unused rest of a block is skipped after a restart. The next block is reserved in
 * the background when half of the current one is used, so a caller (billing's authorisation, decided in memory on
 * the call set-up path) does not wait for that commit.
 */
final class IdBlocks {
    private static final int BLOCK_SIZE = 100;
    /** One thread for every database's block reservations: they are rare, a few a second at most. */
    private static final ExecutorService AHEAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "id-blocks-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final Transactions tx;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    IdBlocks(Transactions tx) {
        this.tx = tx;
    }

    /** A new id for a row of {@code table}; call it outside any transaction of the caller's. */
    long next(String table) {
        return blocks.computeIfAbsent(table, Block::new).next();
    }

    /**
     * The first of {@code count} consecutive new ids of {@code table}, reserved in one commit of their own: for a
     * batch of thousands of rows, where the blocks of {@link #next} would cost a commit per hundred. Call it outside
     * any transaction of the caller's.
     */
    long range(String table, int count) {
        return reserve(table, count) - count;
    }

    /** Commits the reservation of {@code count} ids, and returns the end of the range (exclusive). */
    private long reserve(String table, int count) {
        return tx.run(sql -> {
            int reserved = sql.update("UPDATE id_block SET next_id = next_id + ? WHERE table_name = ?", count, table);
            if (reserved == 0) {
                throw new StoreException("no id block for table " + table, null);
            }
            return sql.one("SELECT next_id FROM id_block WHERE table_name = ?", row -> row.getLong(1), table);
        });
    }

    /** The ids of one table still free in memory: {@code next} up to, excluding, {@code end}. */
    private final class Block {
        private final String table;
        private long next;
        private long end;
        /** The end of the block reserved ahead, or null when none is. */
        private CompletableFuture<Long> ahead;

        Block(String table) {
            this.table = table;
        }

        synchronized long next() {
            if (next == end) {
                end = ahead == null ? reserve() : reservedAhead();
                ahead = null;
                next = end - BLOCK_SIZE;
            }
            if (ahead == null && end - next <= BLOCK_SIZE / 2) {
                ahead = CompletableFuture.supplyAsync(this::reserve, AHEAD);
            }
            return next++;
        }

        /** The block reserved ahead; reserved here when that failed (a closed database fails again, here). */
        private long reservedAhead() {
            try {
                return ahead.join();
            } catch (CompletionException e) {
                return reserve();
            }
        }

        private long reserve() {
            return IdBlocks.this.reserve(table, BLOCK_SIZE);
        }
    }
}
