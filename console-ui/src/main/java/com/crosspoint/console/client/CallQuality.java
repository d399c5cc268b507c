package com.crosspoint.console.client;

/**
 * How a call the appliance answers itself sounds ({@code CallQuality} in {@code docs/api/openapi.yaml}):
 * estimated MOS, packet loss, jitter and, when the caller sends RTCP, the round trip.
 */
public record CallQuality(double mos, double lossPercent, double jitterMillis, Double rttMillis) {
}
