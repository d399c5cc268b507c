package com.crosspoint.api.dto;

import java.time.Instant;
import java.util.List;

/** Interval figures of the contact center over [from, to): queue or agent rows, oldest interval first. */
public record AcdHistoryDto(String interval, Instant from, Instant to, List<?> rows) {
    public AcdHistoryDto {
        rows = List.copyOf(rows);
    }
}
