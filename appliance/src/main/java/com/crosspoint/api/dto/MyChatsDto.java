package com.crosspoint.api.dto;

import java.util.List;

/**
 * An agent's chat desk: the queues it answers (empty: not a chat agent), whether it takes chats now, and the chats
 * offered to or answered by it, with their lines.
 */
public record MyChatsDto(List<String> queues, boolean available, List<ChatDto> chats) {
}
