package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code conference.joined|left}, with how many are in the room after the change. */
public record ConferenceFrame(String type, long seq, Instant at, long tenantId, long conferenceId, String number,
                              long participantId, String caller, int participants) {
}
