package com.crosspoint.api.dto;

import java.util.List;

/** One page of stored chats (without lines), newest first; {@code total} counts every match. */
public record ChatPage(List<ChatDto> items, long total, int offset, int limit) {
}
