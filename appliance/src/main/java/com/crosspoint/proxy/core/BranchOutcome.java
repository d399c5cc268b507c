package com.crosspoint.proxy.core;

/**
 * What became of one branch, in order: {@link #provisional} (first 18x, the post-dial delay), then either
 * {@link #answered} and later {@link #dialogEnded}, or {@link #failed}. Each branch ends exactly once
 * ({@code failed} or {@code dialogEnded}).
 */
public interface BranchOutcome {
    /** A provisional answer other than 100. */
    void provisional(int status);

    /** The branch's 2xx: the dialog is up; its end follows through the dialog table. */
    void answered();

    /**
     * The branch is over without an answer: its final status, 408 for a timeout or silence, 487 when it was
     * cancelled (upstream CANCEL, another branch answered).
     */
    void failed(int status);

    /** The answered dialog ended: a BYE passed the proxy, or the dialog table gave up on it (too old, full). */
    void dialogEnded();

    /**
     * As {@link #dialogEnded()}, with the caller's report on the media it received (the {@code X-RTP-Stat} value of
     * its BYE or of its answer to the callee's BYE), or null when it sent none.
     */
    default void dialogEnded(String mediaReport) {
        dialogEnded();
    }

    /**
     * A header line ({@code Name: value\r\n}) the branch's 2xx carries upstream in place of any of that name it
     * brought, or null (the call router names the carrier that answered, for its customer's billing).
     */
    default String answerHeader() {
        return null;
    }
}
