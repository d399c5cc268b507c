package com.crosspoint.api.dto;

import com.crosspoint.model.ConferenceRoom;

/** A conference room; its PIN is never shown, only whether one is required. */
public record ConferenceRoomDto(long id, long tenantId, String number, String name, boolean pinRequired,
                                int maxParticipants, int participants) {

    public static ConferenceRoomDto of(ConferenceRoom r, int participants) {
        return new ConferenceRoomDto(r.id(), r.tenantId(), r.number(), r.name(), r.pinRequired(),
                r.maxParticipants(), participants);
    }
}
