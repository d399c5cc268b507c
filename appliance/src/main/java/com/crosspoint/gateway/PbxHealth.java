package com.crosspoint.gateway;

import com.crosspoint.trunk.TrunkTarget;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each PBX node is up, from the outcomes of its calls and its OPTIONS checks: {@code failuresToDown}
 * failures in a row (408, 5xx, silence, an unanswered check) mark it down, any answer marks it up again. A node
 * never heard of is up. Thread-safe; called on I/O, timer and prober threads.
 */
public final class PbxHealth {
    private static final Logger LOG = LoggerFactory.getLogger(PbxHealth.class);

    private final int failuresToDown;
    private final ConcurrentHashMap<TrunkTarget, Integer> failuresInARow = new ConcurrentHashMap<>();

    public PbxHealth(int failuresToDown) {
        if (failuresToDown < 1) {
            throw new IllegalArgumentException("failuresToDown must be >= 1: " + failuresToDown);
        }
        this.failuresToDown = failuresToDown;
    }

    public boolean isDown(TrunkTarget node) {
        return failuresInARow.getOrDefault(node, 0) >= failuresToDown;
    }

    /** The node answered (a call's response, a check's answer). */
    public void answered(TrunkTarget node) {
        Integer before = failuresInARow.put(node, 0);
        if (before != null && before >= failuresToDown) {
            LOG.info("PBX node {} is up again", node);
        }
    }

    /** The node failed a call (408, 5xx, silence) or a check. */
    public void failed(TrunkTarget node) {
        boolean[] wentDown = {false};
        failuresInARow.compute(node, (n, before) -> {
            int was = before == null ? 0 : before;
            wentDown[0] = was == failuresToDown - 1;
            return Math.min(was + 1, failuresToDown); // capped: one answer brings it back
        });
        if (wentDown[0]) {
            LOG.warn("PBX node {} is down: its DIDs go to their backup", node);
        }
    }
}
