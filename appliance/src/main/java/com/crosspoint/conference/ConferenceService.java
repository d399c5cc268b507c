package com.crosspoint.conference;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.conference.ConferenceBridge.Participant;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.ConferenceEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.ConferenceStore;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.voicemail.PinPolicy;
import com.crosspoint.voicemail.VoicemailApps;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Conference rooms of tenants (validated, stored) and the live ones: a {@link ConferenceBridge} exists while a
 * room has participants. A room's number is a number of the tenant: it must not be a user's extension or a
 * mailbox code. The PIN is stored only as a PBKDF2 hash, as mailbox PINs are.
 */
public final class ConferenceService {
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{2,15}$");

    private final ConferenceStore store;
    private final Directory directory;
    private final EventBus events;
    private final Clock clock;
    private final Map<Long, ConferenceBridge> live = new HashMap<>(); // guarded by itself
    /** Rooms by number per tenant: every INVITE asks, so no database query on the call path. */
    private final Map<Long, Map<String, ConferenceRoom>> numbers = new ConcurrentHashMap<>();

    /** @param events where {@code conference.joined|left} go */
    public ConferenceService(ConferenceStore store, Directory directory, EventBus events, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    // ---- rooms ------------------------------------------------------------------------------------------------

    public List<ConferenceRoom> list(long tenantId) {
        return store.list(tenantId);
    }

    public ConferenceRoom room(long tenantId, long id) {
        return store.find(id).filter(r -> r.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("no conference room " + id + " in tenant " + tenantId));
    }

    /** The room a caller of the tenant reaches by dialling {@code number}. */
    public Optional<ConferenceRoom> byNumber(long tenantId, String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            return Optional.empty(); // not a room number: no look-up for every call to *97 and the like
        }
        return Optional.ofNullable(numbers.computeIfAbsent(tenantId, t -> store.list(t).stream()
                .collect(Collectors.toUnmodifiableMap(ConferenceRoom::number, Function.identity()))).get(number));
    }

    /** After a committed change: the next look-up reloads (a concurrent reload is removed after it). */
    private <T> T changed(long tenantId, T result) {
        numbers.remove(tenantId);
        return result;
    }

    /**
     * @param pin             4 to 10 digits, or null/empty for an open room
     * @param maxParticipants null for the default (20)
     */
    public ConferenceRoom create(long tenantId, String number, String name, String pin, Integer maxParticipants) {
        String n = requireNumber(tenantId, number);
        String nm = optionalName(name);
        int max = size(maxParticipants);
        String hash = pin == null || pin.isEmpty() ? null : PasswordHasher.hash(PinPolicy.require(pin, "pin"));
        return changed(tenantId, store.create(new ConferenceRoom(0, tenantId, n, nm, hash, max)));
    }

    /**
     * Replaces number, name and size. The PIN is not returned by the API, so {@code pin} null keeps it, an empty
     * string removes it and digits replace it.
     */
    public ConferenceRoom update(long tenantId, long id, String number, String name, String pin,
                                 Integer maxParticipants) {
        ConferenceRoom old = room(tenantId, id);
        String n = requireNumber(tenantId, number);
        String nm = optionalName(name);
        int max = size(maxParticipants);
        String hash = pin == null ? old.pinHash()
                : pin.isEmpty() ? null : PasswordHasher.hash(PinPolicy.require(pin, "pin"));
        return changed(tenantId, store.update(new ConferenceRoom(id, tenantId, n, nm, hash, max)));
    }

    /** Deletes the room; anyone in it is hung up on. */
    public void delete(long tenantId, long id) {
        ConferenceRoom r = room(tenantId, id);
        store.delete(r.id());
        changed(tenantId, r);
        ConferenceBridge bridge;
        synchronized (live) {
            bridge = live.remove(r.id());
        }
        if (bridge != null) {
            for (Participant p : bridge.participants()) {
                bridge.kick(p);
                publish(ConferenceEvent.Kind.LEFT, r, p, bridge.size());
            }
        }
    }

    /** Constant-time check; true for a room without a PIN. */
    public boolean checkPin(ConferenceRoom room, String pin) {
        return room.pinHash() == null || (pin != null && PasswordHasher.verify(pin, room.pinHash()));
    }

    // ---- live rooms -------------------------------------------------------------------------------------------

    /** Puts a caller into the room, unless it is full (its current limit, read again from the store). */
    public Optional<Participant> join(ConferenceRoom room, String label) {
        int limit = store.find(room.id()).map(ConferenceRoom::maxParticipants).orElse(0);
        Optional<Participant> p;
        int size;
        synchronized (live) {
            ConferenceBridge bridge = live.computeIfAbsent(room.id(),
                    id -> new ConferenceBridge(id, ConferenceRoom.MAX_PARTICIPANTS, clock::instant));
            p = bridge.join(label, limit);
            size = bridge.size();
            if (bridge.isEmpty()) {
                live.remove(room.id()); // a room deleted meanwhile (limit 0) leaves no bridge behind
            }
        }
        p.ifPresent(joined -> publish(ConferenceEvent.Kind.JOINED, room, joined, size));
        return p;
    }

    /** The participant hung up; the bridge goes when the last one does. */
    public void leave(ConferenceRoom room, Participant p) {
        ConferenceBridge bridge = p.bridge();
        boolean left;
        int size;
        synchronized (live) {
            left = bridge.leave(p);
            size = bridge.size();
            if (bridge.isEmpty() && live.get(bridge.roomId()) == bridge) {
                live.remove(bridge.roomId());
            }
        }
        if (left) { // not again for one removed by an admin
            publish(ConferenceEvent.Kind.LEFT, room, p, size);
        }
    }

    public List<Participant> participants(long tenantId, long roomId) {
        room(tenantId, roomId);
        synchronized (live) {
            ConferenceBridge bridge = live.get(roomId);
            return bridge == null ? List.of() : bridge.participants();
        }
    }

    public Participant participant(long tenantId, long roomId, long participantId) {
        return participants(tenantId, roomId).stream().filter(p -> p.id() == participantId).findFirst()
                .orElseThrow(() -> new NotFoundException("no participant " + participantId + " in conference room "
                        + roomId));
    }

    /** An admin (or the participant with its key) mutes or unmutes; the participant's call announces it. */
    public Participant mute(Participant p, boolean muted) {
        p.bridge().mute(p, muted);
        return p;
    }

    /** An admin removes a participant: out of the mix at once, its call hangs up shortly after. */
    public void kick(long tenantId, long roomId, long participantId) {
        ConferenceRoom room = room(tenantId, roomId);
        Participant p = participant(tenantId, roomId, participantId);
        int size;
        synchronized (live) {
            p.bridge().kick(p);
            size = p.bridge().size();
            if (p.bridge().isEmpty()) {
                live.remove(roomId, p.bridge());
            }
        }
        publish(ConferenceEvent.Kind.LEFT, room, p, size);
    }

    private void publish(ConferenceEvent.Kind kind, ConferenceRoom room, Participant p, int participants) {
        events.publish(new ConferenceEvent(kind, room.tenantId(), room.id(), room.number(), p.id(), p.label(),
                participants, clock.instant()));
    }

    private String requireNumber(long tenantId, String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new ValidationException("number", "must be 2 to 15 digits");
        }
        if (VoicemailApps.isMailboxCode(number)) {
            throw new DuplicateKeyException("number", "number " + number + " is a voicemail access code");
        }
        if (directory.userByExtension(tenantId, number).isPresent()) {
            throw new DuplicateKeyException("number", "number " + number + " is the extension of a user");
        }
        return number;
    }

    private static String optionalName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > 128) {
            throw new ValidationException("name", "must be at most 128 characters");
        }
        return name.trim();
    }

    private static int size(Integer maxParticipants) {
        if (maxParticipants == null) {
            return ConferenceRoom.DEFAULT_MAX_PARTICIPANTS;
        }
        if (maxParticipants < ConferenceRoom.MIN_PARTICIPANTS || maxParticipants > ConferenceRoom.MAX_PARTICIPANTS) {
            throw new ValidationException("maxParticipants", "must be " + ConferenceRoom.MIN_PARTICIPANTS + " to "
                    + ConferenceRoom.MAX_PARTICIPANTS);
        }
        return maxParticipants;
    }
}
