package com.crosspoint.api.dto;

/** What a re-rating did: calls examined, calls whose figures changed, and the sum of the price changes (micros). */
public record RerateDto(long examined, long changed, long priceChangeMicros) {
}
