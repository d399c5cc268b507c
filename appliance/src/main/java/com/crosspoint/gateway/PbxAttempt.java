package com.crosspoint.gateway;

import com.crosspoint.proxy.core.BestResponse;
import com.crosspoint.proxy.core.BranchObserver;
import com.crosspoint.proxy.core.BranchOutcome;
import com.crosspoint.trunk.TrunkTarget;

/**
 * One PBX node a call is offered to, as the proxy core sees its branch: what the node does is its health (408, 5xx
 * and silence are failures; any other response shows it alive), and the branch that ends the call gives the
 * call's channel back: the answered one when its dialog ends, or a failed one when the core will not go on to
 * another node (the last node, or a failure that does not fail over: a 4xx/6xx, or 487 for a cancel).
 */
final class PbxAttempt implements BranchObserver, BranchOutcome {
    /** What the core reports for a branch it cancelled (upstream CANCEL, another branch answered). */
    private static final int CANCELLED = 487;

    private final TrunkTarget node;
    private final PbxHealth health;
    private final CallChannel channel;
    private final boolean lastNode;

    PbxAttempt(TrunkTarget node, PbxHealth health, CallChannel channel, boolean lastNode) {
        this.node = node;
        this.health = health;
        this.channel = channel;
        this.lastNode = lastNode;
    }

    TrunkTarget node() {
        return node;
    }

    @Override
    public BranchOutcome starting() {
        return this; // the channel was seized for the whole call when it was routed
    }

    @Override
    public void provisional(int status) {
        health.answered(node);
    }

    @Override
    public void answered() {
        health.answered(node);
    }

    @Override
    public void failed(int status) {
        boolean failsOver = BestResponse.failsOver(status);
        if (failsOver) {
            health.failed(node);
        } else if (status != CANCELLED) {
            health.answered(node); // a 404 or 486 comes from a node that is there
        }
        if (lastNode || !failsOver) {
            channel.release();
        }
    }

    @Override
    public void dialogEnded() {
        channel.release();
    }
}
