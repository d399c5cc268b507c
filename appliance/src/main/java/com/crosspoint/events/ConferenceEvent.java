package com.crosspoint.events;

import java.time.Instant;

/**
 * Someone joined or left a conference room (hung up, removed by an admin, or the room was deleted).
 *
 * @param participants how many are in the room after the change
 */
public record ConferenceEvent(Kind kind, long tenantId, long conferenceId, String number, long participantId,
                              String caller, int participants, Instant at) implements Event {

    public enum Kind { JOINED, LEFT }

    @Override
    public String type() {
        return "conference." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
