package com.crosspoint.api.dto;

import com.crosspoint.acd.AgentState;
import java.time.Instant;

/** An agent's state: one status for calls, the chats beside it. */
public record AgentDto(long userId, String extension, String status, String pauseReason, int missed, Instant since,
                       int callsAnswered, int chats, int chatCapacity) {
    public static AgentDto of(AgentState s) {
        return new AgentDto(s.userId(), s.extension(), s.status().name(), s.pauseReason(), s.missed(), s.since(),
                s.callsAnswered(), s.chats(), s.chatCapacity());
    }
}
