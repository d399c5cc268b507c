package com.crosspoint.api.dto;

/** Move a waiting caller to the end of another queue of the same tenant: {@code toQueueId}. */
public record MoveRequest(Long toQueueId) {
}
