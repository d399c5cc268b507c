package com.crosspoint.api.dto;

import java.util.List;

/** Messages visitors left, newest first (at most 200), and per queue how many were left and are still open. */
public record LeftMessagesDto(List<LeftMessageDto> messages, List<QueueCount> queues) {
    /** One queue's left messages: all of them, and those not yet handled. */
    public record QueueCount(String queue, int left, int open) {
    }
}
