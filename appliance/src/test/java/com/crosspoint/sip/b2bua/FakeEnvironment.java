package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.DialPlan;
import com.crosspoint.trunk.NumberPlan;
import com.crosspoint.trunk.OutsideCall;
import com.crosspoint.trunk.OutsideDialling;
import com.crosspoint.trunk.OutsidePolicy;
import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import com.crosspoint.routing.DialledCall;
import com.crosspoint.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A whole world for calls without SIP or media: users of one tenant and their registered phones, a real
 * {@link DialPlan} (menu 700, voicemail), dialled legs that are {@link FakeLeg}s, a lane that runs what was
 * queued when the test says so, and a clock the test moves. What the call publishes and records is kept.
 */
final class FakeEnvironment implements CallEnvironment {
    static final Tenant TENANT = new Tenant(1, "Acme", "acme.test");

    private final Directory directory = new Directory();
    private final boolean voicemail;
    private DialPlan dialPlan;
    private OutsideLines outside;
    private final Map<String, List<Binding>> phones = new HashMap<>();
    private final List<FakeLeg> dialled = new ArrayList<>();
    private final List<FakeLeg> answering = new ArrayList<>();
    private final Queue<Runnable> lane = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private long timerOrder;
    final List<CallSnapshot> published = new ArrayList<>();
    final List<CallRecord> records = new ArrayList<>();
    /** What each dialled phone was offered, oldest first: {@code "1002 offered alice"} or {@code "... nothing"}. */
    final List<String> offers = new ArrayList<>();
    private boolean forgotten;
    private CallAnchoring anchoring = CallAnchoring.OFF;

    /** A tenant with a menu at 700 and voicemail. */
    FakeEnvironment() {
        this(true);
    }

    /** @param voicemail whether users have mailboxes (without, unanswered calls are refused) */
    FakeEnvironment(boolean voicemail) {
        this.voicemail = voicemail;
        directory.apply(new TenantEvent(ProvisioningEvent.Kind.CREATED, TENANT, Instant.EPOCH));
        dialPlan = dialPlan(null);
    }

    private DialPlan dialPlan(OutsideDialling outsideDialling) {
        return new DialPlan(directory, List.of((tenant, caller, number) ->
                "700".equals(number) ? Optional.of(new Named("menu 700", Disposition.ANSWERED)) : Optional.empty()),
                voicemail ? (owner, reason, caller) -> new Named("mailbox " + owner.extension(), Disposition.VOICEMAIL)
                        : null, outsideDialling);
    }

    /**
     * Outside calls from now on: North American dialling, 911 for emergencies, +1900 barred, every user presenting
     * {@code callerId} (none: only emergency calls go out), through {@code trunks}, which may stay silent for
     * {@code responseTimeout}.
     */
    void outside(Trunks trunks, String callerId, Duration responseTimeout) {
        OutsidePolicy policy = new OutsidePolicy(NumberPlan.northAmerica(), Set.of("911"), List.of("+1900"), false,
                List.of());
        dialPlan = dialPlan(new OutsideDialling(policy, user -> Optional.ofNullable(callerId), trunks.configured()));
        outside = new OutsideLines(trunks, responseTimeout);
    }

    /** Outside calls (set up first with {@link #outside}) ask {@code billing} before they go out. */
    void billing(OutsideBilling billing) {
        outside = new OutsideLines(outside.trunks(), outside.responseTimeout(), billing);
    }

    /** A user of the tenant with {@code settings}, and {@code phones} registered phones. */
    User user(String extension, CallSettings settings, int phoneCount) {
        User u = new User(directory.userByExtension(TENANT.id(), extension).map(User::id).orElse(100L + phones.size()),
                TENANT.id(), extension, "User " + extension, null, settings);
        directory.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, u, Instant.EPOCH));
        List<Binding> bindings = new ArrayList<>();
        for (int i = 1; i <= phoneCount; i++) {
            bindings.add(new Binding(TENANT.id(), u.id(), i, "sip:" + extension + "@acme.test",
                    "sip:" + extension + "-" + i + "@192.0.2.1", "c" + i, 1, clock.instant().plusSeconds(3600), "UDP", "192.0.2.1:5060",
                    "fake", clock.instant()));
        }
        phones.put(extension, bindings);
        return u;
    }

    User user(String extension, int phoneCount) {
        return user(extension, CallSettings.defaults(), phoneCount);
    }

    /** A call from {@code caller} (its offer {@code sdp}) to {@code number}, routed and started. */
    Started call(User caller, String number, byte[] sdp) {
        DialledCall d = new DialledCall(TENANT, caller, number, OptionalLong.of(TENANT.id()));
        FakeLeg[] legs = new FakeLeg[1];
        B2buaCall call = new B2buaCall(this, "call-" + number, d, 70, c -> legs[0] = FakeLeg.phone(caller.extension(), caller.extension(), sdp, null));
        call.start(dialPlan.route(d));
        runLane();
        return new Started(call, legs[0]);
    }

    record Started(B2buaCall call, FakeLeg caller) {
    }

    /** The phones dialled so far, oldest first; their labels are {@code extension-n}. */
    List<FakeLeg> dialled() {
        return List.copyOf(dialled);
    }

    FakeLeg dialled(String label) {
        return dialled.stream().filter(l -> l.toString().equals(label)).reduce((a, b) -> b).orElseThrow();
    }

    /** The application legs the appliance answered with, oldest first. */
    List<FakeLeg> answering() {
        return List.copyOf(answering);
    }

    /** Runs everything queued on the lane, including what that queues. */
    void runLane() {
        Runnable next;
        while ((next = lane.poll()) != null) {
            next.run();
        }
    }

    /** Moves the clock on, running every timer that falls due on the way (on the lane). */
    void advance(Duration by) {
        Instant until = clock.instant().plus(by);
        while (!timers.isEmpty() && !timers.peek().due.isAfter(until)) {
            Timer t = timers.poll();
            clock.advance(Duration.between(clock.instant(), t.due));
            if (!t.cancelled) {
                lane.add(t.task);
                if (t.period != null) {
                    t.due = t.due.plus(t.period);
                    timers.add(t);
                }
            }
            runLane();
        }
        clock.advance(Duration.between(clock.instant(), until));
    }

    CallState lastShown() {
        return published.get(published.size() - 1).state();
    }

    boolean forgotten() {
        return forgotten;
    }

    // ---- CallEnvironment ----------------------------------------------------------------------------------------

    @Override
    public DialPlan dialPlan() {
        return dialPlan;
    }

    @Override
    public List<Binding> phonesOf(Tenant tenant, User user) {
        return phones.getOrDefault(user.extension(), List.of());
    }

    @Override
    public Optional<OutsideLines> outsideLines() {
        return Optional.ofNullable(outside);
    }

    /** Phones are named {@code extension-n}; trunk servers {@code number@host:port} (the number they were sent). */
    @Override
    public Dialer dialer(B2buaCall call, int maxForwards) {
        return new Dialer() {
            @Override
            public Optional<DialledLeg> dial(Binding device, Party from, String toExtension, byte[] sdp,
                                             RingListener listener) {
                String name = device.contact().substring(4, device.contact().indexOf('@'));
                FakeLeg leg = FakeLeg.phone(name, toExtension, null, listener);
                offers.add(toExtension + " offered " + (sdp == null ? "nothing" : FakeLeg.who(sdp)));
                dialled.add(leg);
                return Optional.of(leg);
            }

            @Override
            public Optional<DialledLeg> dialOutside(TrunkTarget server, OutsideCall outside, Party from, byte[] sdp,
                                                    RingListener listener) {
                FakeLeg leg = FakeLeg.phone(outside.number() + "@" + server, outside.number(), null, listener);
                dialled.add(leg);
                return Optional.of(leg);
            }
        };
    }

    @Override
    public ApplicationLeg answering(B2buaCall call, Leg phone, CallApplication app) {
        FakeLeg leg = FakeLeg.application(app);
        answering.add(leg);
        return leg;
    }

    @Override
    public MediaAnchor anchor(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout) {
        return anchoring.forCall(callId, lane, onMediaTimeout);
    }

    /** Calls from now on are relayed as {@code anchoring} says (none by default). */
    void anchoring(CallAnchoring anchoring) {
        this.anchoring = anchoring;
    }

    @Override
    public Optional<AnchoredMedia> anchoredMedia() {
        return Optional.empty(); // holds are relayed between the phones
    }

    @Override
    public void admit(String callId, Runnable task) {
        lane.add(task);
    }

    @Override
    public void execute(String callId, Runnable task) {
        lane.add(task);
    }

    @Override
    public CallTimer schedule(String callId, Duration after, Runnable task) {
        Timer t = new Timer(clock.instant().plus(after), null, task, timerOrder++);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public CallTimer every(String callId, Duration period, Runnable task) {
        Timer t = new Timer(clock.instant().plus(period), period, task, timerOrder++);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void update(CallSnapshot snapshot) {
        published.add(snapshot);
    }

    @Override
    public void finish(CallRecord record, CallSnapshot ended) {
        records.add(outside == null ? record : outside.billing().running().stamped(record)); // as SipCallEnvironment
        published.add(ended);
    }

    @Override
    public void forget(B2buaCall call) {
        forgotten = true;
    }

    private static final class Timer implements Comparable<Timer> {
        Instant due;
        final Duration period;
        final Runnable task;
        final long order;
        boolean cancelled;

        Timer(Instant due, Duration period, Runnable task, long order) {
            this.due = due;
            this.period = period;
            this.task = task;
            this.order = order;
        }

        @Override
        public int compareTo(Timer o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** A voice application that only has a name: the tests look at what the call does with it. */
    record Named(String label, Disposition disposition) implements CallApplication {
        @Override
        public void start(CallChannel channel) {
            throw new AssertionError("the fake application leg never starts a real application");
        }
    }
}
