package com.crosspoint.config;

import com.crosspoint.chat.ChatLimits;
import com.crosspoint.chat.LeftMessageLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The visitor web chat ({@code chat.*}).
 *
 * @param enabled   whether {@code /chat/ws} takes visitors at all
 * @param sites     tenant domain -> the origins (scheme://host[:port]) whose pages may embed its widget; a tenant
 *                  not listed has no chat (the appliance's own origin is always allowed for a listed tenant)
 * @param limits    per visitor, source address and tenant (chats wait in the tenant's ACD queues, and an
 *                  agent's chat capacity is the contact center's, {@code acd.agentChatCapacity})
 * @param retention how long a chat's transcript is kept after it ended
 * @param maxFramesPerSecond frames of any kind one visitor connection may send per second; beyond, it is closed
 * @param leaveMessage whether a visitor of a queue nobody is logged in to is asked to leave a message instead
 * @param leftMessages how many messages visitors may leave
 */
public record ChatConfig(boolean enabled, Map<String, List<String>> sites, ChatLimits limits, Duration retention,
                         int maxFramesPerSecond, boolean leaveMessage, LeftMessageLimits leftMessages) {
    public ChatConfig {
        sites = Map.copyOf(sites);
    }
}
