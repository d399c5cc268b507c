package com.crosspoint.api;

import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSites;
import com.crosspoint.chat.LeftMessages;

/**
 * The visitor web chat as the API serves it: the service, the tenants and sites allowed, and how many frames a
 * visitor connection may send per second, and the
 * messages visitors leave when nobody answers. {@code enabled} false: {@code /chat/ws} refuses every visitor (404).
 */
public record ChatServices(ChatService service, ChatSites sites, boolean enabled, int maxFramesPerSecond,
                           LeftMessages leftMessages) {
}
