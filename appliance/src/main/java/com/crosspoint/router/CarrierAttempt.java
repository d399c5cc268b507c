package com.crosspoint.router;

import com.crosspoint.acr.CallAttempt;
import com.crosspoint.acr.CallAttempts;
import com.crosspoint.proxy.core.BranchObserver;
import com.crosspoint.proxy.core.BranchOutcome;
import com.crosspoint.model.RtpStatReport;
import com.crosspoint.trunk.AnsweringCarrier;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One carrier of a call as the proxy core sees it: when its branch is about to go out, the call router is asked
 * for a channel ({@link CallAttempts#start}; none free: the core skips to the next carrier), and what the branch
 * does then becomes the attempt's figures. The router does not see the media: the call's MOS is the one the caller
 * (the PBX, which anchors it) reports on the dialog's end ({@link RtpStatReport}), when it reports one.
 */
final class CarrierAttempt implements BranchObserver, BranchOutcome {
    private final CallAttempts attempts;
    private final long carrierId;
    private final String number;
    private final Clock clock;
    private CallAttempt attempt;

    CarrierAttempt(CallAttempts attempts, long carrierId, String number, Clock clock) {
        this.attempts = attempts;
        this.carrierId = carrierId;
        this.number = number;
        this.clock = clock;
    }

    @Override
    public BranchOutcome starting() {
        Optional<CallAttempt> started = attempts.start(carrierId, number, clock.instant());
        if (started.isEmpty()) {
            return null;
        }
        attempt = started.get();
        return this;
    }

    @Override
    public void provisional(int status) {
        attempt.provisional(clock.instant());
    }

    @Override
    public void answered() {
        attempt.answered(clock.instant());
    }

    @Override
    public void failed(int status) {
        attempt.ended(status, clock.instant());
    }

    /** Names the carrier on its answer: the PBX costs the call from its deck (billing, issue 14). */
    @Override
    public String answerHeader() {
        return AnsweringCarrier.line(carrierId);
    }

    @Override
    public void dialogEnded() {
        attempt.ended(200, clock.instant());
    }

    @Override
    public void dialogEnded(String mediaReport) {
        OptionalDouble mos = RtpStatReport.mos(mediaReport);
        attempt.ended(200, clock.instant(), mos.isPresent() ? mos.getAsDouble() : Double.NaN);
    }
}
