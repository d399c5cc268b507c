package com.crosspoint.api.dto;

import java.util.List;

/** One page of call records, newest first; {@code total} counts every match of the filter. */
public record CdrPage(List<CdrDto> items, long total, int offset, int limit) {
}
