package com.crosspoint.api.dto;

import java.util.List;

/** One page of message history, newest first. */
public record MessagePage(List<MessageDto> items, int offset, int limit) {
}
