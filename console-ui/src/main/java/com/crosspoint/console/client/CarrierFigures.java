package com.crosspoint.console.client;

/**
 * A carrier's quality over the router's sliding window ({@code Quality} in {@code docs/api/openapi.yaml}): attempts
 * and answered calls, answer-seizure and network-effectiveness ratios (0-1), average call duration, post-dial
 * delay, and MOS where the media passed the appliance (else null).
 */
public record CarrierFigures(long attempts, long answered, double asr, double ner, double acdSeconds, double pddMillis,
                             Double mos) {
}
