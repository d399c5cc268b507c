package com.crosspoint.acd.service;

import com.crosspoint.acd.AcdListener;
import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentPicker;
import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.CallbackReport;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.Moved;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.report.AgentInterval;
import com.crosspoint.acd.report.Interval;
import com.crosspoint.acd.report.IntervalReport;
import com.crosspoint.acd.report.QueueInterval;
import com.crosspoint.call.CallState;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.AcdEvent;
import com.crosspoint.events.AcdMoveEvent;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.User;
import com.crosspoint.store.AcdStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The contact center as the appliance runs it: the live {@link ContactCenter} loaded from and kept in the store,
 * queue administration with validation and limits, agents' state changes (persisted when they must outlive a
 * restart) and the events every change publishes. Queue changes are made one at a time.
 */
public final class AcdService implements AcdListener {
    private final AcdStore store;
    private final Directory directory;
    private final EventBus events;
    private final Clock clock;
    private final Limits limits;
    private final ContactCenter center;
    private final QueueCalls calls;
    private final QueueValidator validator;
    private final CallbackCalls callbacks;
    /** Each agent's last reported state: its status since then becomes a stored span at the next change. */
    private final Map<Long, AgentState> lastReported = new ConcurrentHashMap<>();

    /** How far a tenant may go, and what an agent who says nothing gets. */
    public record Limits(int agentChatCapacity, int maxQueuesPerTenant, int maxMembersPerQueue) {
    }

    public AcdService(AcdStore store, Directory directory, EventBus events, Clock clock, Limits limits) {
        this.store = store;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
        this.center = new ContactCenter(clock, new AgentPicker(n -> ThreadLocalRandom.current().nextInt(n)), this);
        this.calls = new QueueCalls(center);
        this.validator = new QueueValidator(directory);
        this.callbacks = new CallbackCalls(center, calls, store, this, clock);
    }

    public ContactCenter center() {
        return center;
    }

    public QueueCalls calls() {
        return calls;
    }

    /** The callbacks keeping callers' places; they are placed once call control starts them. */
    public CallbackCalls callbacks() {
        return callbacks;
    }

    public Limits limits() {
        return limits;
    }

    /** Loads the queues, their members and the agents' kept state (once, at start). */
    public void load() {
        for (QueueConfig q : store.queues()) {
            center.configure(q, store.members(q.id()));
        }
        for (AgentState kept : store.agents()) {
            center.agent(new AgentBoard.Restore(kept));
        }
    }

    // ---- queues ------------------------------------------------------------------------------------------------

    public List<QueueConfig> queues(long tenantId) {
        return store.queues().stream().filter(q -> q.tenantId() == tenantId).toList();
    }

    /** @throws NoSuchElementException when the tenant has no such queue */
    public QueueConfig queue(long tenantId, long queueId) {
        return store.queue(queueId).filter(q -> q.tenantId() == tenantId)
                .orElseThrow(() -> new NoSuchElementException("no queue " + queueId));
    }

    /** Creates a queue (its id is ignored) with no members. */
    public synchronized QueueConfig create(QueueConfig draft) {
        validator.check(draft);
        if (queues(draft.tenantId()).size() >= limits.maxQueuesPerTenant()) {
            throw new InvalidValueException("number", "the tenant has " + limits.maxQueuesPerTenant()
                    + " queues, the most allowed");
        }
        QueueConfig saved = store.createQueue(draft);
        center.configure(saved, List.of());
        return saved;
    }

    public synchronized QueueConfig update(QueueConfig changed) {
        queue(changed.tenantId(), changed.id());
        validator.check(changed);
        QueueConfig saved = store.updateQueue(changed);
        center.configure(saved, center.members(saved.id()));
        return saved;
    }

    public synchronized void delete(long tenantId, long queueId) {
        queue(tenantId, queueId);
        store.deleteQueue(queueId);
        center.remove(queueId);
    }

    public List<Member> members(long tenantId, long queueId) {
        queue(tenantId, queueId);
        return center.members(queueId);
    }

    /** Replaces the members of a queue; each must be a user of the queue's tenant, named once. */
    public synchronized List<Member> setMembers(long tenantId, long queueId, List<Member> members) {
        QueueConfig q = queue(tenantId, queueId);
        if (members.size() > limits.maxMembersPerQueue()) {
            throw new InvalidValueException("members", "at most " + limits.maxMembersPerQueue() + " per queue");
        }
        validator.checkMembers(q, members);
        List<Member> placed = members.stream().map(m -> new Member(queueId, m.userId(), m.skills())).toList();
        store.setMembers(queueId, placed);
        center.configure(q, placed);
        return placed;
    }

    /**
     * A supervisor moves the waiting entry {@code entryId} from one of the tenant's queues to the end of another.
     *
     * @throws NoSuchElementException when the tenant has no queue {@code fromQueueId}
     * @throws InvalidValueException  (field {@code toQueueId}) when it has no queue {@code toQueueId}
     */
    public Moved move(long tenantId, long fromQueueId, long entryId, long toQueueId) {
        queue(tenantId, fromQueueId);
        if (store.queue(toQueueId).filter(q -> q.tenantId() == tenantId).isEmpty()) {
            throw new InvalidValueException("toQueueId", "no queue " + toQueueId);
        }
        String caller = center.waiting(fromQueueId).stream().filter(e -> e.id() == entryId)
                .map(QueueEntry::caller).findFirst().orElse("");
        Moved moved = center.move(entryId, fromQueueId, toQueueId);
        if (moved.accepted()) {
            events.publish(new AcdMoveEvent(tenantId, entryId, fromQueueId, toQueueId, caller, moved.position(),
                    clock.instant()));
        }
        return moved;
    }

    public List<QueueStats> stats(long tenantId) {
        return center.stats(tenantId);
    }

    // ---- agents ------------------------------------------------------------------------------------------------

    /**
     * Applies an agent's change (a feature code, the agent's own REST call, a supervisor's).
     *
     * @throws InvalidValueException (field {@code agent}) when the user is no member of any queue
     * @throws IllegalStateException when the change makes no sense now (pausing a logged-out agent)
     */
    public AgentState change(User user, AgentBoard.Change change) {
        if (!center.isAgent(user.id())) {
            throw new InvalidValueException("agent", "user " + user.extension() + " is no member of any queue");
        }
        return center.agent(change);
    }

    /** Logs {@code user} in with the configured chat capacity. */
    public AgentBoard.Login login(User user) {
        return new AgentBoard.Login(user.tenantId(), user.id(), user.extension(), limits.agentChatCapacity());
    }

    public List<AgentState> agents(long tenantId) {
        return center.agents(tenantId);
    }

    /** Ends wrap-up times that are over and offers what waits; every second. */
    public void tick() {
        center.tick();
    }

    // ---- history -----------------------------------------------------------------------------------------------

    /** The most stored rows one report reads. */
    public static final int MAX_HISTORY_ROWS = 100_000;

    /** Each queue's figures per interval, for the entries that joined in [from, to). */
    public List<QueueInterval> queueHistory(long tenantId, Interval interval, Instant from, Instant to) {
        return IntervalReport.queues(store.callRecords(tenantId, from, to, MAX_HISTORY_ROWS), interval);
    }

    /** Each agent's figures per interval over [from, to), the time they are in now included. */
    public List<AgentInterval> agentHistory(long tenantId, Interval interval, Instant from, Instant to) {
        List<AgentSpan> spans = new ArrayList<>();
        for (AgentSpan s : store.agentSpans(tenantId, from, to, MAX_HISTORY_ROWS)) {
            clipped(s, from, to, spans);
        }
        Instant now = clock.instant();
        for (AgentState current : lastReported.values()) {
            if (current.tenantId() == tenantId && current.status() != AgentStatus.LOGGED_OUT
                    && current.since().isBefore(now)) {
                clipped(new AgentSpan(tenantId, current.userId(), current.status(), current.since(), now), from, to,
                        spans);
            }
        }
        return IntervalReport.agents(store.callRecords(tenantId, from, to, MAX_HISTORY_ROWS), spans, interval);
    }

    private static void clipped(AgentSpan s, Instant from, Instant to, List<AgentSpan> into) {
        Instant start = s.from().isBefore(from) ? from : s.from();
        Instant end = s.to().isAfter(to) ? to : s.to();
        if (start.isBefore(end)) {
            into.add(new AgentSpan(s.tenantId(), s.userId(), s.status(), start, end));
        }
    }

    // ---- what changes ------------------------------------------------------------------------------------------

    /** The events this service follows: calls ending (an agent's queue call: wrap-up). */
    public static boolean concerns(Event e) {
        return e instanceof CallEvent c && c.call().state() == CallState.ENDED;
    }

    public void onEvent(Event e) {
        if (e instanceof CallEvent c) {
            calls.ended(c.call().id(), c.at());
        }
    }

    @Override
    public void callRecorded(QueueCallRecord record) {
        store.addCallRecord(record);
    }

    @Override
    public void agentChanged(AgentState state) {
        AgentState before = lastReported.put(state.userId(), state);
        if (before != null && before.status() != AgentStatus.LOGGED_OUT && before.since().isBefore(state.since())) {
            store.addAgentSpan(new AgentSpan(before.tenantId(), before.userId(), before.status(), before.since(),
                    state.since()));
        }
        if (state.status() == AgentStatus.LOGGED_OUT || state.status() == AgentStatus.PAUSED
                || state.status() == AgentStatus.AVAILABLE) {
            store.saveAgent(state); // what a restart must find; ringing and talking do not outlive it
        }
        events.publish(new AcdEvent(state, null, clock.instant()));
    }

    @Override
    public void queueChanged(QueueStats stats) {
        events.publish(new AcdEvent(null, stats, clock.instant()));
    }

    @Override
    public void callbackChanged(CallbackReport report) {
        events.publish(new AcdEvent(null, null, report, clock.instant()));
    }

    Directory directory() {
        return directory;
    }
}
