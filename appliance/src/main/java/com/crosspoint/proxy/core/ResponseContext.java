package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.ClientListener;
import com.crosspoint.proxy.transaction.ClientTransaction;
import com.crosspoint.proxy.transaction.ServerTransaction;
import com.crosspoint.proxy.transaction.Timeout;
import com.crosspoint.proxy.transaction.TransactionKey;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.Branches;
import com.crosspoint.proxy.wire.Method;
import com.crosspoint.proxy.wire.RequestEdits;
import com.crosspoint.proxy.wire.SipMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The response context of one stateful request (RFC 3261 §16.7): its server transaction, the branches
 * tried so far and the targets left. Targets are tried one after another (serial forking); a branch
 * that times out or answers 408/5xx moves on to the next; 1xx and 2xx go upstream at once; otherwise
 * the best final answer goes up when no target is left. Timer C bounds how long an INVITE branch may
 * ring. An upstream CANCEL cancels the pending branches (§16.10). Once the final answer is sent and no branch
 * can answer any more, the context lets go of its branches and targets: it lingers for its server transaction's
 * retransmission work alone (Timer J, RFC 6026's Timer L: 32 s over UDP), which at a router's call rate is most of
 * the heap the collector has to mark. Every method runs under this object's monitor, which is also the lock of its
 * transactions.
 */
final class ResponseContext implements ClientListener {
    private final ProxyCore core;
    private final ServerTransaction server;
    private final Flow arrival;
    private final Method method;
    private final long loopHash;
    private final boolean initial;
    private List<Target> targets;
    private List<Branch> branches = new ArrayList<>(2);
    private int nextTarget;
    private boolean cancelled;
    private boolean done;
    private byte[] best;
    private int bestStatus;
    private Timeout timerC;

    /** One branch: its client transaction and what happened to it. */
    private static final class Branch {
        final ClientTransaction tx;
        /** Who hears the branch's outcome, or null. */
        final BranchOutcome outcome;
        final Target target;
        /** The request again with credentials after a challenge (never answered twice). */
        final boolean withCredentials;
        boolean cancelSent;
        /** Given up (Timer C) or cancelled: its non-2xx answer no longer counts. */
        boolean abandoned;
        boolean provisionalReported;
        /** Its outcome has ended (failed) or gone to the dialog table (answered). */
        boolean reported;

        Branch(ClientTransaction tx, BranchOutcome outcome, Target target, boolean withCredentials) {
            this.tx = tx;
            this.outcome = outcome;
            this.target = target;
            this.withCredentials = withCredentials;
        }
    }

    ResponseContext(ProxyCore core, TransactionKey key, Flow arrival, Flow replyTo, byte[] request, Method method,
            long loopHash, boolean initial, List<Target> targets) {
        this.core = core;
        this.arrival = arrival;
        this.method = method;
        this.loopHash = loopHash;
        this.initial = initial;
        this.targets = targets;
        this.server = new ServerTransaction(this, key, replyTo, request, core.sender(), core.wheel(), core.timers(),
                () -> core.serverTerminated(key, this));
    }

    /** Starts: 100 Trying for an INVITE (§16.2), then the first target. */
    void begin(SipMessage request) {
        Scratch s = core.scratch();
        if (method == Method.INVITE) {
            s.responses.answer(request, 100, "Trying", null, null, s.sink);
            server.sendProvisional(s.sink.toArray(), 100);
        }
        if (!startNextBranch(request)) {
            finish();
        }
    }

    void retransmission() {
        server.onRetransmission();
    }

    void onAck() {
        server.onAck();
    }

    private boolean startNextBranch(SipMessage request) {
        while (nextTarget < targets.size()) {
            int fork = nextTarget++;
            Target target = targets.get(fork);
            if (!core.canSend(target.hop())) {
                continue;
            }
            BranchOutcome outcome = null;
            if (target.observer() != null) {
                outcome = target.observer().starting();
                if (outcome == null) {
                    core.counters().targetsSkipped.incrementAndGet();
                    continue;
                }
            }
            launch(request, target, fork, outcome);
            return true;
        }
        return false;
    }

    /** Writes the request for this target (§16.6) and starts its client transaction. */
    private void launch(SipMessage request, Target target, int fork, BranchOutcome outcome) {
        Scratch s = core.scratch();
        Destination d = target.hop();
        RequestEdits edits = s.edits.reset().via(d.transport().name(), core.local().sentBy(d.transport()), loopHash, fork);
        s.route.apply(request, edits);
        if (target.requestUri() != null) {
            byte[] uri = Ascii.bytes(target.requestUri());
            edits.requestUri(uri, 0, uri.length);
        }
        core.sourceEdit(request, arrival, edits);
        if (initial && method.createsDialog() && core.settings().recordRoute()) {
            edits.recordRoute(core.local().recordRoute(d.transport())); // the side towards the callee on top
            if (d.transport() != arrival.transport()) {
                edits.recordRoute(core.local().recordRoute(arrival.transport())); // §16.6 step 4: both transports
            }
        }
        s.requests.forward(request, edits, s.sink);
        startBranch(s.sink.toArray(), target, fork, outcome, false);
    }

    /** Starts the client transaction of one branch, with Timer C for an INVITE. */
    private Branch startBranch(byte[] bytes, Target target, int fork, BranchOutcome outcome, boolean withCredentials) {
        String branch = Branches.toString(loopHash, fork);
        ClientTransaction tx = new ClientTransaction(this, branch, method == Method.INVITE, target.hop(), bytes,
                core.sender(), core.wheel(), core.timers(), this, () -> core.clientTerminated(branch));
        core.clientStarted(branch, tx, this::transportError);
        Branch br = new Branch(tx, outcome, target, withCredentials);
        branches.add(br);
        tx.start();
        if (method == Method.INVITE) {
            long silence = core.settings().silenceMillis();
            // until the first response, Timer C is the silence allowed (a carrier router's failover on silence)
            restartTimerC(br, silence > 0 ? Math.min(silence, core.timers().timerC()) : core.timers().timerC());
        }
        return br;
    }

    private void restartTimerC(Branch br, long millis) {
        timerC = Timeout.cancel(timerC);
        timerC = core.wheel().schedule(() -> timerC(br), millis);
    }

    /** Tells the branch's observer it ended without an answer; once. */
    private void failed(Branch br, int status) {
        if (br.outcome != null && !br.reported) {
            br.reported = true;
            br.outcome.failed(status);
        }
    }

    @Override
    public void onResponse(ClientTransaction tx, SipMessage response) {
        Branch br = branchOf(tx);
        if (br != null) {
            answered(br, response);
            releaseWhenSettled();
        }
    }

    private void answered(Branch br, SipMessage response) {
        int status = response.status();
        if (status < 200) {
            if (!br.abandoned && !done && method == Method.INVITE) {
                restartTimerC(br, core.timers().timerC());
            }
            if (status > 100 && br.outcome != null && !br.provisionalReported && !br.reported) {
                br.provisionalReported = true;
                br.outcome.provisional(status);
            }
            if (cancelled || br.abandoned) {
                sendCancel(br); // a CANCEL waits for the branch's first provisional (§9.1)
            }
            if (status > 100 && !done && !br.abandoned) {
                Scratch s = core.scratch();
                s.responses.withoutTopVia(response, s.sink);
                server.sendProvisional(s.sink.toArray(), status);
            }
            return;
        }
        if (status < 300) {
            if (br.outcome != null && !br.reported && method == Method.INVITE) {
                br.reported = true;
                br.outcome.answered();
                core.dialogs().answered(response.callId(), br.outcome, arrival, core.wheel().nanos());
            }
            Scratch s = core.scratch();
            s.responses.withoutTopVia(response, br.outcome == null ? null : br.outcome.answerHeader(), s.sink);
            if (!done) {
                complete(s.sink.array(), s.sink.length(), status);
                cancelPending(br);
            } else {
                core.sender().reply(server.replyTo(), s.sink.array(), 0, s.sink.length()); // every 2xx goes up (§16.7 step 5)
            }
            return;
        }
        if ((status == 401 || status == 407) && br.target.challenges() != null) {
            answerChallenge(br, response);
            return;
        }
        failed(br, status);
        if (br.abandoned || done) {
            return;
        }
        Scratch s = core.scratch();
        s.responses.withoutTopVia(response, s.sink);
        keep(s.sink.toArray(), status);
        decide(status);
    }

    /**
     * A challenge of a hop we hold credentials for: the request goes again with them, once, as a new branch that
     * carries on the same outcome (RFC 3261 §22.2). Unanswerable, or a second challenge: the hop failed, not the
     * call, so it counts as its 503 (for its observer too: a carrier refusing our credentials opens its breaker) and
     * the next target is tried.
     */
    private void answerChallenge(Branch br, SipMessage challenge) {
        if (!br.abandoned && !done && !cancelled && !br.withCredentials) {
            Scratch s = core.scratch();
            byte[] sent = br.tx.request();
            String credentials = sent != null && core.rescan(sent, s.stored)
                    ? br.target.challenges().answer(challenge, s.stored) : null;
            if (credentials != null) {
                int fork = targets.size() + branches.size();
                s.hops.retry(s.stored, loopHash, fork, credentials, s.sink);
                br.reported = true; // the attempt goes on in the new branch
                startBranch(s.sink.toArray(), br.target, fork, br.outcome, true).provisionalReported =
                        br.provisionalReported;
                core.counters().challengesAnswered.incrementAndGet();
                return;
            }
        }
        hopFailed(br, 503);
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        Branch br = branchOf(tx);
        if (br != null) {
            hopFailed(br, 408); // §16.7 step 2 and 3: a timeout counts as a 408
            releaseWhenSettled();
        }
    }

    /** The request never reached the hop (§8.1.3.1 transport error): that hop's 503, so the next one is tried now. */
    private void transportError(ClientTransaction tx) {
        tx.terminate();
        Branch br = branchOf(tx);
        if (br != null) {
            hopFailed(br, 503);
            releaseWhenSettled();
        }
    }

    /** A branch ended without an answer of its own: its observer hears, and the status counts as the hop's answer. */
    private void hopFailed(Branch br, int status) {
        failed(br, status);
        if (!br.abandoned && !done) {
            keep(null, status);
            decide(status);
        }
    }

    /** Timer C (§16.8): cancel a ringing branch, or give up one that never answered, and count it as 408. */
    private void timerC(Branch br) {
        synchronized (this) {
            if (done || br.abandoned || !br.tx.pending()) {
                return;
            }
            br.abandoned = true;
            failed(br, 408);
            if (br.tx.hadProvisional()) {
                sendCancel(br);
            } else {
                core.counters().silentBranches.incrementAndGet();
                br.tx.terminate();
            }
            keep(null, 408);
            decide(408);
            releaseWhenSettled();
        }
    }

    /** After a branch's failure: fail over, wait, or send the best answer. */
    private void decide(int failure) {
        if (bestStatus >= 600) {
            finish();
            cancelPending(null);
            return;
        }
        if (hasPending()) {
            return;
        }
        if (!cancelled && BestResponse.failsOver(failure)) {
            Scratch s = core.scratch();
            if (core.rescan(server.request(), s.stored) && startNextBranch(s.stored)) {
                core.counters().failovers.incrementAndGet();
                return;
            }
        }
        finish();
    }

    /** Keeps the better answer; within a class a real response beats a timeout the proxy only inferred. */
    private void keep(byte[] response, int status) {
        boolean realOverInferred = best == null && response != null && status / 100 == bestStatus / 100;
        if (BestResponse.better(status, bestStatus) || realOverInferred) {
            best = response;
            bestStatus = status;
        }
    }

    /** Sends the best final answer; one the proxy makes itself for timeouts, a cancel, or a 503 (as 500). */
    private void finish() {
        int status = bestStatus == 0 ? 500 : bestStatus;
        byte[] bytes = best;
        if (bytes == null && cancelled) {
            status = 487;
        }
        if (bytes == null || status == 503) {
            status = BestResponse.upstreamStatus(status);
            Scratch s = core.scratch();
            if (!core.rescan(server.request(), s.stored)) {
                return;
            }
            s.responses.answer(s.stored, status, BestResponse.reason(status), OwnAnswers.localTag(loopHash), null, s.sink);
            bytes = s.sink.toArray();
        }
        complete(bytes, bytes.length, status);
    }

    private void complete(byte[] response, int length, int status) {
        done = true;
        best = null;
        timerC = Timeout.cancel(timerC);
        server.sendFinal(response, length, status);
        core.finalSent();
    }

    /**
     * After the final answer, once no branch is pending: what is left is the server transaction's (the answer again
     * for a retransmitted request, absorbing its ACK). Branches still completing (a non-2xx ACKed hop by hop, Timer D)
     * run on without this context: none of them tells it anything any more.
     */
    private void releaseWhenSettled() {
        if (!done || branches.isEmpty()) {
            return;
        }
        for (Branch br : branches) {
            if (br.tx.pending()) {
                return;
            }
        }
        branches = List.of();
        targets = List.of();
    }

    /** An upstream CANCEL matched this INVITE (§16.10). */
    void cancel() {
        if (done) {
            return;
        }
        cancelled = true;
        for (Branch br : branches) {
            if (br.tx.pending()) {
                failed(br, 487);
            }
            if (br.tx.pending() && br.tx.hadProvisional()) {
                sendCancel(br);
            }
        }
    }

    /** Cancels every pending branch but {@code answered} (§16.7 step 10). */
    private void cancelPending(Branch answered) {
        for (Branch br : branches) {
            if (br != answered && br.tx.pending()) {
                br.abandoned = true;
                failed(br, 487);
                if (br.tx.hadProvisional()) {
                    sendCancel(br);
                } else {
                    br.tx.terminate();
                }
            }
        }
    }

    private void sendCancel(Branch br) {
        if (br.cancelSent || !br.tx.pending() || !br.tx.hadProvisional()) {
            return;
        }
        br.cancelSent = true;
        Scratch s = core.scratch();
        if (!core.rescan(br.tx.request(), s.stored)) {
            return;
        }
        s.hops.cancel(s.stored, s.sink);
        String key = br.tx.branch() + ProxyCore.CANCEL_SUFFIX;
        ClientTransaction cancel = new ClientTransaction(this, key, false, br.tx.destination(), s.sink.toArray(),
                core.sender(), core.wheel(), core.timers(), CancelListener.INSTANCE, () -> core.clientTerminated(key));
        core.clientStarted(key, cancel, ClientTransaction::terminate); // the INVITE's own error ends the branch
        cancel.start();
    }

    private boolean hasPending() {
        for (Branch br : branches) {
            if (!br.abandoned && br.tx.pending()) {
                return true;
            }
        }
        return false;
    }

    /** The branch of {@code tx}; null once the context has let its settled branches go. */
    private Branch branchOf(ClientTransaction tx) {
        for (Branch br : branches) {
            if (br.tx == tx) {
                return br;
            }
        }
        return null;
    }
}
