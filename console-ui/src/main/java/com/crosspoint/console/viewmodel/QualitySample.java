package com.crosspoint.console.viewmodel;

import java.time.Instant;

/**
 * What one poll of {@code /carriers/quality} said of one carrier, kept for the chart of the last hour.
 *
 * @param asr answer-seizure ratio 0-1, null while the window has no attempt
 * @param mos null when no call's media passed the appliance
 */
public record QualitySample(Instant at, int liveCalls, double callsPerSecond, Double asr, Double mos) {
}
