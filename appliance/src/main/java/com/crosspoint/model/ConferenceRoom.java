package com.crosspoint.model;

import java.util.Objects;

/**
 * A conference room: a number of the tenant that callers dial to talk together.
 *
 * @param number          what is dialled; never a user's extension or a mailbox code of the same tenant
 * @param name            shown in listings; may be null
 * @param pinHash         the PBKDF2 hash of the room's PIN (as for mailbox PINs), or null for an open room; never
 *                        leaves the appliance
 * @param maxParticipants how many may be in the room at once
 */
public record ConferenceRoom(long id, long tenantId, String number, String name, String pinHash,
                             int maxParticipants) {
    public static final int DEFAULT_MAX_PARTICIPANTS = 20;
    public static final int MIN_PARTICIPANTS = 2;
    public static final int MAX_PARTICIPANTS = 100;

    public ConferenceRoom {
        Objects.requireNonNull(number, "number");
        if (maxParticipants < MIN_PARTICIPANTS || maxParticipants > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("maxParticipants must be in [" + MIN_PARTICIPANTS + ", "
                    + MAX_PARTICIPANTS + "]: " + maxParticipants);
        }
    }

    public boolean pinRequired() {
        return pinHash != null;
    }
}
