package com.crosspoint.api.dto;

import com.crosspoint.chat.ChatSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * A visitor chat: who (name, optional e-mail, the page the widget was on; all as the visitor typed them, untrusted),
 * its queue and state, the agent (extension and name) it is offered to or answered by, and its lines (empty in
 * listings and event frames).
 */
public record ChatDto(long id, long tenantId, String queue, String visitorName, String visitorEmail,
                      String visitorPage, String state, String agentExtension, String agentName, Instant createdAt,
                      Instant answeredAt, Instant endedAt, String endedBy, List<ChatLineDto> lines) {
    public static ChatDto of(ChatSnapshot c) {
        return new ChatDto(c.id(), c.tenantId(), c.queue(), c.visitor().name(), c.visitor().email(),
                c.visitor().pageUrl(), c.state().wire(), c.agent() == null ? null : c.agent().extension(),
                c.agent() == null ? null : c.agent().name(), c.createdAt(), c.answeredAt(), c.endedAt(),
                c.endedBy() == null ? null : c.endedBy().wire(), c.lines().stream().map(ChatLineDto::of).toList());
    }
}
