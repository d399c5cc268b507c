package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.ClientTransaction;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transaction.TransactionKey;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.InputWatch;
import com.crosspoint.proxy.transport.MessageHandler;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.Branches;
import com.crosspoint.proxy.wire.Method;
import com.crosspoint.proxy.wire.RequestEdits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.ViaValue;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transaction-stateful proxy of RFC 3261 §16, driven by the transports: every message is scanned
 * on the I/O thread that read it and handled there to completion. Requests: retransmissions are
 * absorbed by their server transaction, ACKs of non-2xx answers end it, CANCEL cancels its INVITE,
 * other ACKs are forwarded statelessly by their Route; a new request is admitted ({@link Admission}: else
 * 503 + Retry-After, its retransmissions too), checked (§16.3), routed (§16.4, {@link TargetResolver}) and forwarded
 * in a {@link ResponseContext}. Responses go to the client transaction of their branch, or, if it is gone,
 * statelessly up the Via path. What the proxy answers itself: {@link OwnAnswers}.
 */
public final class ProxyCore implements MessageHandler {
    static final String CANCEL_SUFFIX = "/CANCEL";
    private static final long DIALOG_SWEEP_MILLIS = 60_000;

    private final ProxySettings settings;
    private final LocalEndpoint local;
    private final TargetResolver resolver;
    private final Sender sender;
    private final TimerWheel wheel;
    private final ProxyCounters counters = new ProxyCounters();
    private final ConcurrentHashMap<TransactionKey, ResponseContext> servers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final DialogTable dialogs;
    private final Admission admission;
    private final RecentRefusals refusals = new RecentRefusals();
    private final OwnAnswers answers;
    private final StatelessForwarding stateless;
    private final TransportErrors transportErrors;
    private final ThreadLocal<Scratch> scratch;

    public ProxyCore(ProxySettings settings, LocalEndpoint local, TargetResolver resolver, Sender sender, TimerWheel wheel) {
        this.settings = settings;
        this.local = local;
        this.resolver = resolver;
        this.sender = sender;
        this.wheel = wheel;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(settings.scanLimits(), local));
        this.answers = new OwnAnswers(sender, counters, settings.retryAfterSeconds());
        this.stateless = new StatelessForwarding(this, sender, counters);
        this.transportErrors = new TransportErrors(wheel, counters);
        sender.onConnectFailure(transportErrors::connectFailed);
        this.admission = new Admission(settings.maxPending(), settings.udpThreads(), settings.overloadControl(),
                wheel.nanos());
        this.dialogs = new DialogTable(settings.dialogs().capacity(), settings.dialogs().maxAgeSeconds() * 1_000_000_000L);
        wheel.schedule(this::sweepDialogs, DIALOG_SWEEP_MILLIS);
        wheel.schedule(this::measureOccupancy, Admission.INTERVAL_MILLIS);
    }

    private void measureOccupancy() {
        try {
            admission.endInterval(wheel.nanos());
        } finally {
            wheel.schedule(this::measureOccupancy, Admission.INTERVAL_MILLIS);
        }
    }

    private void sweepDialogs() {
        try {
            dialogs.sweep(wheel.nanos());
        } finally {
            wheel.schedule(this::sweepDialogs, DIALOG_SWEEP_MILLIS);
        }
    }

    /** An input whose queue the overload control watches (each transport's, once opened). */
    public void watch(InputWatch input) {
        admission.watch(input);
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length, Flow flow) {
        long start = wheel.nanos();
        try {
            handle(buffer, offset, length, flow);
        } finally {
            admission.busy(wheel.nanos() - start);
        }
    }

    private void handle(byte[] buffer, int offset, int length, Flow flow) {
        Scratch s = scratch.get();
        SipMessage m = s.message;
        ScanOutcome outcome = s.scanner.scan(buffer, offset, length, flow.transport() == Transport.UDP, m);
        if (outcome == ScanOutcome.KEEPALIVE) {
            return;
        }
        if (outcome.refused()) {
            answers.malformed(m, outcome, flow, s);
        } else if (m.isRequest()) {
            counters.requests.incrementAndGet();
            onRequest(m, flow, s);
        } else {
            counters.responses.incrementAndGet();
            onResponse(m, s);
        }
    }

    private void onRequest(SipMessage m, Flow flow, Scratch s) {
        Method method = m.method();
        if (method == Method.CANCEL) {
            onCancel(m, flow, s);
            return;
        }
        TransactionKey key = serverKey(m, method);
        ResponseContext existing = servers.get(key);
        if (existing != null) {
            synchronized (existing) {
                if (method == Method.ACK) {
                    existing.onAck(); // the ACK of a non-2xx answer ends the server transaction (hop by hop)
                } else {
                    existing.retransmission();
                }
            }
            counters.retransmissionsAbsorbed.incrementAndGet();
            return;
        }
        if (m.hasToTag() && !resolver.trusts(flow) && !dialogs.tracks(m.callId())) {
            answers.stranger(m, flow, s); // inside no dialog of ours: no relaying for strangers
            return;
        }
        if (method == Method.ACK) {
            stateless.request(m, flow, s); // the ACK of a 2xx is its own transaction end to end (§16.11)
            return;
        }
        if (method == Method.BYE && m.hasToTag() && !dialogs.isEmpty()) {
            // an observed call ends (its duration for the call router's ACD, the caller's media report)
            dialogs.bye(m.callId(), flow, MediaReports.of(m), wheel.nanos());
        }
        if (!m.hasToTag() && !admitted(key)) {
            answers.overloaded(m, flow, s); // before any checking or routing work: the excess is refused cheaply
            return;
        }
        int status = s.checks.check(m);
        if (status != 0) {
            answers.failedCheck(m, flow, status, s);
            return;
        }
        List<Target> targets = targets(m, flow, s);
        if (targets == null) {
            return;
        }
        long loopHash = Branches.loopHash(m);
        byte[] copy = Arrays.copyOfRange(m.buffer(), m.start(), m.end());
        ResponseContext context = new ResponseContext(this, key, flow, replyFlow(m, flow), copy, method, loopHash,
                !m.hasToTag(), targets);
        synchronized (context) {
            if (servers.putIfAbsent(key, context) != null) {
                return; // a retransmission on another thread got there first
            }
            admission.started();
            context.begin(m);
        }
    }

    /**
     * Whether a new request (no To tag: in-dialog requests always pass, a BYE frees what its call holds) may start a
     * transaction; a retransmission of one refused lately is refused again without a new draw.
     */
    private boolean admitted(TransactionKey key) {
        if (refusals.contains(key)) {
            counters.retransmissionsAbsorbed.incrementAndGet();
            return false;
        }
        if (admission.admit()) {
            return true;
        }
        refusals.remember(key);
        return false;
    }

    /** The next hops of a new request, or null after answering that there are none. */
    private List<Target> targets(SipMessage m, Flow flow, Scratch s) {
        switch (s.route.apply(m, s.edits.reset())) {
            case TO_DESTINATION:
                if (!m.hasToTag() && !resolver.trusts(flow)) {
                    answers.stranger(m, flow, s); // a pre-loaded Route would take a stranger past the resolver
                    return null;
                }
                return List.of(Target.to(s.route.destination()));
            case UNROUTABLE:
                answers.answer(m, flow, 404, "Not Found", null, s);
                return null;
            default:
                RoutingDecision decision = resolver.resolve(m, flow);
                if (decision instanceof RoutingDecision.Targets t) {
                    return t.targets();
                }
                if (decision instanceof RoutingDecision.Answer a) {
                    answers.answer(m, flow, a.status(), a.reason(), null, s);
                    return null;
                }
                answers.refusedByRouting(m, flow, (RoutingDecision.Refuse) decision, s);
                return null;
        }
    }

    private void onCancel(SipMessage m, Flow flow, Scratch s) {
        ResponseContext context = servers.get(serverKey(m, Method.INVITE));
        if (context == null) {
            answers.answer(m, flow, 481, "Call/Transaction Does Not Exist", null, s);
            return;
        }
        synchronized (context) {
            answers.answer(m, flow, 200, "OK", null, s);
            context.cancel();
        }
    }

    private void onResponse(SipMessage m, Scratch s) {
        ViaValue via = m.topVia();
        byte[] b = m.buffer();
        if (!Branches.ours(b, via.branchStart(), via.branchEnd())) {
            counters.dropped.incrementAndGet(); // not sent through us (§18.1.2)
            return;
        }
        if (m.cseqMethod() == Method.BYE && m.status() >= 200 && !dialogs.isEmpty()) {
            dialogs.byeAnswered(m.callId(), MediaReports.of(m)); // the caller's answer to the callee's BYE
        }
        String key = Ascii.string(b, via.branchStart(), via.branchEnd());
        ClientTransaction tx = clients.get(m.cseqMethod() == Method.CANCEL ? key + CANCEL_SUFFIX : key);
        if (tx != null) {
            synchronized (tx.lock()) {
                tx.onResponse(m);
            }
            return;
        }
        if (m.status() >= 200 && m.status() < 300 && m.cseqMethod() == Method.INVITE) {
            stateless.response(m, s);
        } else {
            counters.dropped.incrementAndGet(); // e.g. a 180 overtaken by its 200 on another I/O thread
        }
    }

    /**
     * §18.2.1 and RFC 3581: the top Via gets {@code received} when the packet came from another address
     * than its sent-by, and {@code rport=<port>} when the client asked; responses then find the way back.
     */
    static void sourceEdit(SipMessage m, Flow flow, RequestEdits edits) {
        ViaValue via = m.topVia();
        String ip = flow.remote().getAddress().getHostAddress();
        if (via.hasRport() || !Ascii.equalsIgnoreCase(m.buffer(), via.hostStart(), via.hostEnd(), ip)) {
            edits.source(ip, via.hasRport() ? flow.remote().getPort() : -1);
        }
    }

    /** Where responses of a server transaction go: the connection, or over UDP the source IP and the Via's (r)port. */
    private static Flow replyFlow(SipMessage m, Flow flow) {
        ViaValue via = m.topVia();
        if (flow.transport() != Transport.UDP || via.hasRport()) {
            return flow;
        }
        int port = via.port() > 0 ? via.port() : 5060;
        return port == flow.remote().getPort() ? flow
                : Flow.udp(new InetSocketAddress(flow.remote().getAddress(), port));
    }

    /**
     * §17.2.3: branch, sent-by and method; a request without the magic cookie is keyed by a hash of
     * the RFC 2543 matching fields instead of its branch.
     */
    private static TransactionKey serverKey(SipMessage m, Method method) {
        ViaValue via = m.topVia();
        byte[] b = m.buffer();
        String sentBy = Ascii.string(b, via.hostStart(), via.hostEnd()) + ':' + via.port();
        String branch = via.hasRfc3261Branch() ? via.branch() : "2543-" + Long.toHexString(Branches.loopHash(m));
        return TransactionKey.of(branch, sentBy, method);
    }

    boolean rescan(byte[] stored, SipMessage into) {
        return stored != null && scratch.get().scanner.scan(stored, 0, stored.length, true, into) == ScanOutcome.ACCEPTED;
    }

    boolean canSend(Destination d) {
        return sender.canReach(d); // TLS only over a connection the peer opened
    }

    void finalSent() {
        admission.finished();
    }

    void serverTerminated(TransactionKey key, ResponseContext context) {
        servers.remove(key, context);
    }

    /** A client transaction is about to start; {@code owner} hears if its request cannot reach the hop. */
    void clientStarted(String branch, ClientTransaction tx, TransportErrors.Owner owner) {
        clients.put(branch, tx);
        transportErrors.started(tx, owner);
    }

    void clientTerminated(String branch) {
        ClientTransaction tx = clients.remove(branch);
        if (tx != null) {
            transportErrors.ended(tx);
        }
    }

    Scratch scratch() {
        return scratch.get();
    }

    Sender sender() {
        return sender;
    }

    TimerWheel wheel() {
        return wheel;
    }

    /** OPTIONS health checks of next hops, sent from this proxy's sockets. */
    public OptionsProber prober() {
        return new OptionsProber(this);
    }

    DialogTable dialogs() {
        return dialogs;
    }

    /** Answered calls whose end (a BYE through this proxy) an observer waits for. */
    public int trackedDialogs() {
        return dialogs.size();
    }

    TimerSettings timers() {
        return settings.timers();
    }

    LocalEndpoint local() {
        return local;
    }

    ProxySettings settings() {
        return settings;
    }

    public ProxyCounters counters() {
        return counters;
    }

    /** Transactions waiting for a final answer (what {@code maxPending} limits). */
    public int pendingTransactions() {
        return admission.pending();
    }

    /** The share of new requests admitted now (1 = all; lower while the I/O threads are saturated). */
    public double admittedShare() {
        return admission.share();
    }

    /** The I/O threads' busy share of wall time over the last measuring interval (100 ms), 0 to 1. */
    public double occupancy() {
        return admission.occupancy();
    }

    /** How long the most backed-up input had gone without being found empty (0 when it keeps up). */
    public long backlogMillis() {
        return admission.backlogMillis();
    }

    /** Live server and client transactions, including those absorbing retransmissions after their answer. */
    public int liveTransactions() {
        return servers.size() + clients.size();
    }
}
