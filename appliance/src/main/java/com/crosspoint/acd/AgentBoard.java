package com.crosspoint.acd;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every agent's {@link AgentState}, and the rules of how it changes. Not thread-safe: the {@link ContactCenter}
 * holds its lock around every call.
 */
public final class AgentBoard {

    /** What an agent (or an admin, or the chat side) asks of the agent's state. */
    public sealed interface Change {
        long userId();
    }

    /** Logs the agent in (available), or keeps a logged-in agent as they are. */
    public record Login(long tenantId, long userId, String extension, int chatCapacity) implements Change {
        public Login {
            Objects.requireNonNull(extension, "extension");
        }
    }

    public record Logout(long userId) implements Change {
    }

    /** Pauses a logged-in agent with a reason (shown to supervisors). */
    public record Pause(long userId, String reason) implements Change {
        public Pause {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank() || reason.length() > AgentState.MAX_REASON) {
                throw new IllegalArgumentException("a pause reason has 1 to " + AgentState.MAX_REASON + " characters");
            }
        }
    }

    /** Ends a pause: available again (the missed count starts over). */
    public record Resume(long userId) implements Change {
    }

    /** A chat was given to the agent ({@code +1}) or ended ({@code -1}). */
    public record Chat(long userId, int delta) implements Change {
    }

    /** The state kept across a restart is put back (calls in progress did not survive it). */
    public record Restore(AgentState state) implements Change {
        @Override
        public long userId() {
            return state.userId();
        }
    }

    private final Clock clock;
    private final Map<Long, AgentState> states = new HashMap<>();

    AgentBoard(Clock clock) {
        this.clock = clock;
    }

    Map<Long, AgentState> states() {
        return states;
    }

    /** Applies {@code change}; throws IllegalStateException when it makes no sense now (pausing a logged-out agent). */
    AgentState apply(Change change) {
        Instant now = clock.instant();
        AgentState current = states.get(change.userId());
        AgentState next = next(change, current, now);
        states.put(next.userId(), next);
        return next;
    }

    private static AgentState next(Change change, AgentState current, Instant now) {
        if (change instanceof Login l) {
            if (current != null && current.status().loggedIn()) {
                return current;
            }
            AgentState base = current != null ? current.chats(current.chats(), l.chatCapacity())
                    : AgentState.loggedOut(l.tenantId(), l.userId(), l.extension(), l.chatCapacity(), now);
            return base.login(now);
        }
        if (change instanceof Logout) {
            return known(current).with(AgentStatus.LOGGED_OUT, null, now);
        }
        if (change instanceof Pause p) {
            requireLoggedIn(current);
            return current.with(AgentStatus.PAUSED, p.reason(), now);
        }
        if (change instanceof Resume) {
            requireLoggedIn(current);
            return current.status() == AgentStatus.PAUSED ? current.login(now) : current;
        }
        if (change instanceof Chat c) {
            return chat(current, c.delta());
        }
        return restored(((Restore) change).state(), now);
    }

    private static AgentState known(AgentState current) {
        if (current == null) {
            throw new IllegalStateException("the agent is not logged in");
        }
        return current;
    }

    private static void requireLoggedIn(AgentState current) {
        if (current == null || !current.status().loggedIn()) {
            throw new IllegalStateException("the agent is not logged in");
        }
    }

    private static AgentState chat(AgentState current, int delta) {
        if (delta > 0) {
            requireLoggedIn(current);
        } else {
            known(current); // a chat may end after its agent logged out
        }
        int count = current.chats() + delta;
        if (count < 0 || count > current.chatCapacity()) {
            throw new IllegalStateException("the agent has " + current.chats() + " of " + current.chatCapacity()
                    + " chats");
        }
        return current.chats(count, current.chatCapacity());
    }

    /** A call or an offer in progress did not survive a restart: such an agent is available again. */
    private static AgentState restored(AgentState kept, Instant now) {
        return switch (kept.status()) {
            case RINGING, ON_CALL, WRAP_UP -> kept.with(AgentStatus.AVAILABLE, null, now).chats(0, kept.chatCapacity());
            default -> kept.chats(0, kept.chatCapacity());
        };
    }

    AgentState ringing(long userId) {
        return put(states.get(userId).with(AgentStatus.RINGING, null, clock.instant()));
    }

    AgentState answered(long userId) {
        return put(states.get(userId).answered(clock.instant()));
    }

    AgentState missed(long userId, int missesBeforePause) {
        return put(ringingOnly(userId).missedOffer(missesBeforePause, clock.instant()));
    }

    /** The agent's phone refused the offer (busy): free again, not counted as missed. */
    AgentState offerRefused(long userId) {
        return put(ringingOnly(userId).with(AgentStatus.AVAILABLE, null, clock.instant()));
    }

    /** An agent who logged out or paused while ringing stays so. */
    private AgentState ringingOnly(long userId) {
        AgentState s = states.get(userId);
        return s.status() == AgentStatus.RINGING ? s : s.with(s.status(), s.pauseReason(), s.since());
    }

    AgentState callEnded(long userId, int wrapUpSeconds) {
        AgentState s = states.get(userId);
        if (s.status() != AgentStatus.ON_CALL) {
            return s; // logged out or paused during the call: stays so
        }
        return put(s.callEnded(wrapUpSeconds, clock.instant()));
    }

    /** Agents whose wrap-up time is over are available again; returns them. */
    List<AgentState> endWrapUps() {
        Instant now = clock.instant();
        List<AgentState> freed = new ArrayList<>();
        for (AgentState s : List.copyOf(states.values())) {
            if (s.status() == AgentStatus.WRAP_UP && !now.isBefore(s.wrapUpUntil())) {
                freed.add(put(s.with(AgentStatus.AVAILABLE, null, now)));
            }
        }
        return freed;
    }

    private AgentState put(AgentState s) {
        states.put(s.userId(), s);
        return s;
    }
}
