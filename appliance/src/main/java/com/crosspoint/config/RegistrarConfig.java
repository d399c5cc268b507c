package com.crosspoint.config;

/**
 * Registration intervals in seconds; {@code minExpires <= defaultExpires <= maxExpires}.
 *
 * @param minExpires     shorter requests get 423 Interval Too Brief ({@code sip.registrar.minExpires})
 * @param maxExpires     longer requests are shortened to this ({@code sip.registrar.maxExpires})
 * @param defaultExpires granted when a REGISTER asks for no interval ({@code sip.registrar.defaultExpires})
 */
public record RegistrarConfig(int minExpires, int maxExpires, int defaultExpires) {
}
