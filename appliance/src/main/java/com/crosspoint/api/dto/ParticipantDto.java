package com.crosspoint.api.dto;

import com.crosspoint.conference.ConferenceBridge.Participant;
import java.time.Instant;

/** Someone in a conference room now. */
public record ParticipantDto(long id, String caller, boolean muted, Instant joinedAt) {

    public static ParticipantDto of(Participant p) {
        return new ParticipantDto(p.id(), p.label(), p.muted(), p.joinedAt());
    }
}
