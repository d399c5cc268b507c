package com.crosspoint.api.dto;

/** A waiting caller after a supervisor's move: its queue now, its place (1 = next) and estimated wait there. */
public record MovedDto(long entryId, long queueId, int position, long estimatedWaitSeconds) {
}
