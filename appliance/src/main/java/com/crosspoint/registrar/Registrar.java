package com.crosspoint.registrar;

import com.crosspoint.events.EventBus;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.RegistrationEvent.Kind;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatEvidence;
import com.crosspoint.nat.NatFinding;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.BindingStore.BindingKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The location service (RFC 3261 §10.3): bindings of addresses-of-record to contacts. Lookups are
 * served from memory; every change is written through the {@link BindingJournal} and reported as
 * an event once committed. Changes to one AOR are serialised by the map's per-key locking.
 */
public final class Registrar {
    private final Map<String, List<Binding>> byAor = new ConcurrentHashMap<>();
    /** What was found of each binding's NAT; kept in memory only (a restored binding is judged from its row). */
    private final Map<BindingKey, NatFinding> findings = new ConcurrentHashMap<>();
    private final BindingJournal journal;
    private final EventBus events;
    private final RegistrarPolicy policy;
    private final NatAssessment nat;
    private final NatPolicy natPolicy;
    private final Clock clock;

    public Registrar(BindingJournal journal, EventBus events, RegistrarPolicy policy, Clock clock) {
        this(journal, events, policy, NatPolicy.NONE, clock);
    }

    public Registrar(BindingJournal journal, EventBus events, RegistrarPolicy policy, NatPolicy natPolicy, Clock clock) {
        this.journal = journal;
        this.events = events;
        this.policy = policy;
        this.nat = new NatAssessment(natPolicy, policy);
        this.natPolicy = natPolicy;
        this.clock = clock;
    }

    /** What the registrar applies to devices behind NAT (and the Flow-Timer it gives outbound devices). */
    public NatPolicy natPolicy() {
        return natPolicy;
    }

    /** Reloads the bindings that survived a restart; lapsed ones are dropped from the store too. */
    public void restore(BindingStore store) {
        Instant now = clock.instant();
        List<BindingKey> lapsed = new ArrayList<>();
        for (Binding b : store.listAll()) {
            if (b.expiredAt(now)) {
                lapsed.add(new BindingKey(b.aor(), b.contact()));
            } else {
                byAor.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
                findings.put(keyOf(b), nat.restored(b));
            }
        }
        if (!lapsed.isEmpty()) {
            journal.write(List.of(), lapsed).join();
        }
    }

    public RegisterOutcome register(RegisterRequest rq) {
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        byAor.compute(rq.aor(), (aor, current) -> {
            List<Binding> live = current == null ? new ArrayList<>() : new ArrayList<>(current);
            live.removeIf(b -> b.expiredAt(now));
            decision[0] = decide(rq, live, now);
            if (!(decision[0].outcome instanceof RegisterOutcome.Accepted)) {
                return current;
            }
            return decision[0].after.isEmpty() ? null : decision[0].after;
        });
        Decision d = decision[0];
        if (!(d.outcome instanceof RegisterOutcome.Accepted)) {
            return d.outcome;
        }
        CompletableFuture<Void> committed = d.changed()
                ? journal.write(d.upserts, d.removals).whenComplete((ok, failed) -> {
                    if (failed == null) {
                        publish(d, now);
                    } else {
                        undo(rq.aor(), d);
                    }
                })
                : CompletableFuture.completedFuture(null);
        return new RegisterOutcome.Accepted(List.copyOf(d.after), committed);
    }

    private Decision decide(RegisterRequest rq, List<Binding> live, Instant now) {
        Decision d = new Decision();
        if (rq.wildcard()) {
            // §10.3 step 6: "*" only with Expires: 0 and as the only Contact.
            if (!rq.contacts().isEmpty() || rq.expiresHeader() == null || rq.expiresHeader() != 0) {
                return d.reject(new RegisterOutcome.Invalid("Contact * needs Expires: 0 and no other contact"));
            }
            for (Binding b : live) {
                if (b.callId().equals(rq.callId()) && rq.cseq() <= b.cseq()) {
                    return d.reject(new RegisterOutcome.OutOfOrder());
                }
            }
            live.forEach(b -> d.remove(b, Kind.REMOVED, findingOf(b)));
            return d.accept(List.of());
        }
        List<Binding> after = new ArrayList<>(live);
        for (ContactSpec c : rq.contacts()) {
            long requested = c.expires() != null ? c.expires()
                    : rq.expiresHeader() != null ? rq.expiresHeader() : policy.defaultExpires();
            if (requested != 0 && requested < policy.minExpires()) {
                return d.reject(new RegisterOutcome.IntervalTooBrief(policy.minExpires()));
            }
            Binding existing = after.stream().filter(b -> b.contact().equals(c.uri())).findFirst().orElse(null);
            if (existing != null && existing.callId().equals(rq.callId()) && rq.cseq() <= existing.cseq()) {
                return d.reject(new RegisterOutcome.OutOfOrder());
            }
            if (existing != null) {
                after.remove(existing);
                d.previous.add(existing);
            }
            boolean outbound = rq.outbound() && c.instanceId() != null && c.regId() != null && c.regId() > 0;
            // RFC 5626 §6: a registration with the instance and reg-id of an existing one replaces that flow.
            Binding sameFlow = outbound ? after.stream().filter(b -> c.instanceId().equals(b.instanceId())
                    && b.regId() == c.regId()).findFirst().orElse(null) : null;
            if (sameFlow != null) {
                after.remove(sameFlow);
                d.remove(sameFlow, Kind.REMOVED, findingOf(sameFlow));
            }
            if (requested == 0) {
                if (existing != null) {
                    d.remove(existing, Kind.REMOVED, findingOf(existing));
                }
                continue;
            }
            NatFinding finding = nat.examine(rq, c.uri(), rq.path(), outbound, existing != null ? existing : sameFlow);
            long granted = nat.granted(requested, finding, rq.transport());
            Binding b = new Binding(rq.tenantId(), rq.userId(), rq.deviceId(), rq.aor(), c.uri(), rq.callId(),
                    rq.cseq(), now.plusSeconds(granted), rq.transport(), rq.source(), rq.userAgent(), now, rq.path(),
                    c.instanceId(), outbound ? c.regId() : 0);
            after.add(b);
            d.upsert(b, existing == null ? Kind.ADDED : Kind.REFRESHED, finding);
        }
        if (d.upserts.size() > policy.maxContacts()) {
            return d.reject(new RegisterOutcome.TooManyContacts(policy.maxContacts()));
        }
        replaceOldest(after, d);
        return d.accept(after);
    }

    /**
     * Keeps an AOR within its share of bindings: the least recently refreshed ones that this REGISTER did not
     * refresh make way (as OpenSIPS's and Kamailio's "overwrite the oldest" max-contacts modes do). There is no
     * RFC 5626 instance-id matching here: a phone that comes back on a new address takes the slot of the stalest
     * binding, which is most often its own old one.
     */
    private void replaceOldest(List<Binding> after, Decision d) {
        int excess = after.size() - policy.maxContacts();
        if (excess <= 0) {
            return;
        }
        List<Binding> oldest = after.stream().filter(b -> d.upserts.stream().noneMatch(u -> u == b))
                .sorted(Comparator.comparing(Binding::updatedAt)).limit(excess).toList();
        for (Binding b : oldest) {
            after.remove(b);
            d.remove(b, Kind.REMOVED, findingOf(b));
        }
    }

    /**
     * A change the store refused is taken back from memory too, so that what phones are rung at matches what
     * a restart would restore: the bindings it added go, the ones it replaced or removed come back (unless a
     * later REGISTER bound their contacts meanwhile).
     */
    private void undo(String aor, Decision d) {
        byAor.compute(aor, (k, current) -> {
            List<Binding> live = current == null ? new ArrayList<>() : new ArrayList<>(current);
            live.removeIf(b -> d.upserts.stream().anyMatch(u -> u == b));
            for (Binding old : d.previous) {
                if (live.stream().noneMatch(b -> b.contact().equals(old.contact()))) {
                    live.add(old);
                }
            }
            return live.isEmpty() ? null : live;
        });
    }

    /** Current, unexpired bindings of an AOR, most recent first. */
    public List<Binding> lookup(String aor) {
        Instant now = clock.instant();
        List<Binding> bs = byAor.get(aor);
        if (bs == null) {
            return List.of();
        }
        return bs.stream().filter(b -> !b.expiredAt(now))
                .sorted(Comparator.comparing(Binding::updatedAt).reversed()).toList();
    }

    public List<Binding> list(long tenantId) {
        Instant now = clock.instant();
        return byAor.values().stream().flatMap(List::stream)
                .filter(b -> b.tenantId() == tenantId && !b.expiredAt(now))
                .sorted(Comparator.comparing(Binding::aor).thenComparing(Binding::contact)).toList();
    }

    /** Every unexpired binding of every tenant. */
    public List<Binding> all() {
        Instant now = clock.instant();
        return byAor.values().stream().flatMap(List::stream).filter(b -> !b.expiredAt(now)).toList();
    }

    public int size() {
        return byAor.values().stream().mapToInt(List::size).sum();
    }

    /** Removes lapsed bindings (memory, store) and announces them; run periodically. */
    public int sweepExpired() {
        Instant now = clock.instant();
        List<Binding> lapsed = new ArrayList<>();
        for (Map.Entry<String, List<Binding>> entry : byAor.entrySet()) {
            // Most AORs have nothing lapsed: look before taking the AOR's lock and copying its list.
            if (!anyExpired(entry.getValue(), now)) {
                continue;
            }
            byAor.computeIfPresent(entry.getKey(), (k, bs) -> {
                List<Binding> keep = new ArrayList<>();
                for (Binding b : bs) {
                    (b.expiredAt(now) ? lapsed : keep).add(b);
                }
                return keep.isEmpty() ? null : keep;
            });
        }
        if (!lapsed.isEmpty()) {
            journal.write(List.of(), lapsed.stream().map(b -> new BindingKey(b.aor(), b.contact())).toList())
                    .thenRun(() -> lapsed.forEach(b -> events.publish(
                            new RegistrationEvent(Kind.EXPIRED, b, now, forget(b)))));
        }
        return lapsed.size();
    }

    /** A plain loop: this runs for every AOR every second, where a stream's allocations show in profiles. */
    private static boolean anyExpired(List<Binding> bindings, Instant now) {
        for (Binding b : bindings) {
            if (b.expiredAt(now)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every binding of a device (device deleted); the store cascades on its own. */
    public void forgetDevice(long deviceId) {
        for (String aor : List.copyOf(byAor.keySet())) {
            byAor.computeIfPresent(aor, (k, bs) -> {
                List<Binding> keep = bs.stream().filter(b -> b.deviceId() != deviceId).toList();
                bs.stream().filter(b -> b.deviceId() == deviceId).forEach(b -> findings.remove(keyOf(b)));
                return keep.isEmpty() ? null : new ArrayList<>(keep);
            });
        }
    }

    private void publish(Decision d, Instant now) {
        for (Announcement a : d.announcements) {
            if (a.kind == Kind.ADDED || a.kind == Kind.REFRESHED) {
                findings.put(keyOf(a.binding), a.nat);
            } else {
                findings.remove(keyOf(a.binding), a.nat);
            }
            events.publish(new RegistrationEvent(a.kind, a.binding, now, a.nat));
        }
    }

    /** What was found of a binding's NAT at its last REGISTER (or on restore); {@link NatFinding#NONE} if unknown. */
    public NatFinding natOf(Binding b) {
        return findingOf(b);
    }

    /**
     * Notes on a binding's finding that its keepalive pings go unanswered ({@code note} of sign
     * {@link NatEvidence.Sign#PINGS_UNANSWERED}), or that they are answered again ({@code note} empty). The binding
     * stays until it expires: the device may only have stopped answering OPTIONS.
     */
    public void notePings(Binding b, java.util.Optional<NatEvidence> note) {
        findings.computeIfPresent(keyOf(b), (k, f) -> note.map(f::noting)
                .orElseGet(() -> f.without(NatEvidence.Sign.PINGS_UNANSWERED)));
    }

    /**
     * Notes on a binding's finding that the TCP or TLS connection it registered over closed ({@code note} of sign
     * {@link NatEvidence.Sign#FLOW_FAILED}, RFC 5626 §5.3). The binding stays until it expires or the device registers
     * again over a new connection, which replaces the finding; calls skip it meanwhile.
     */
    public void noteFlowFailed(Binding b, NatEvidence note) {
        if (note.sign() != NatEvidence.Sign.FLOW_FAILED) {
            throw new IllegalArgumentException("a flow failure note must have the sign FLOW_FAILED, not " + note.sign());
        }
        // Only the binding as it is now: a REGISTER over a new connection may have replaced it meanwhile.
        findings.computeIfPresent(keyOf(b), (k, f) -> isCurrent(b) ? f.noting(note) : f);
    }

    private boolean isCurrent(Binding b) {
        List<Binding> bs = byAor.get(b.aor());
        return bs != null && bs.stream().anyMatch(x -> x.contact().equals(b.contact()) && x.source().equals(b.source()));
    }

    private NatFinding findingOf(Binding b) {
        return findings.getOrDefault(keyOf(b), NatFinding.NONE);
    }

    private NatFinding forget(Binding b) {
        NatFinding f = findings.remove(keyOf(b));
        return f == null ? NatFinding.NONE : f;
    }

    private static BindingKey keyOf(Binding b) {
        return new BindingKey(b.aor(), b.contact());
    }

    /** The registrar's decision on one REGISTER, made under the AOR's lock. */
    private static final class Decision {
        RegisterOutcome outcome;
        List<Binding> after = List.of();
        final List<Binding> upserts = new ArrayList<>();
        final List<BindingKey> removals = new ArrayList<>();
        /** Bindings this decision replaces or removes, to restore should the store refuse it. */
        final List<Binding> previous = new ArrayList<>();
        final List<Announcement> announcements = new ArrayList<>();

        Decision reject(RegisterOutcome o) {
            outcome = o;
            return this;
        }

        Decision accept(List<Binding> bindings) {
            after = new ArrayList<>(bindings);
            outcome = new RegisterOutcome.Accepted(bindings, null);
            return this;
        }

        void upsert(Binding b, Kind kind, NatFinding nat) {
            upserts.add(b);
            announcements.add(new Announcement(kind, b, nat));
        }

        void remove(Binding b, Kind kind, NatFinding nat) {
            removals.add(new BindingKey(b.aor(), b.contact()));
            if (!previous.contains(b)) {
                previous.add(b);
            }
            announcements.add(new Announcement(kind, b, nat));
        }

        boolean changed() {
            return !upserts.isEmpty() || !removals.isEmpty();
        }
    }

    private record Announcement(Kind kind, Binding binding, NatFinding nat) {
    }
}
