package com.crosspoint.config;

/**
 * @param bind              IP literal SIP and HTTP listen on; may be a wildcard ({@code network.bind})
 * @param advertisedAddress address for Via/Contact/Record-Route and printed URLs, already resolved
 *                          when the key was left empty ({@code network.advertisedAddress})
 */
public record NetworkConfig(String bind, String advertisedAddress) {
}
