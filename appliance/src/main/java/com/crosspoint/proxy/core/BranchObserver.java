package com.crosspoint.proxy.core;

/**
 * Hears about the branch of one {@link Target}; called on I/O and timer threads under the request's lock, so it must
 * answer from memory and never block.
 */
@FunctionalInterface
public interface BranchObserver {
    /**
     * The branch is about to be sent.
     *
     * @return where its outcome goes, or null to skip this target (e.g. its carrier has no channel left): the core
     *         goes on to the next one
     */
    BranchOutcome starting();
}
