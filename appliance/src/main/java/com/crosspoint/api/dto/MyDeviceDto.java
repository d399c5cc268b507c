package com.crosspoint.api.dto;

import java.time.Instant;
import java.util.List;

/** One of the end user's SIP devices and its live registrations ({@code registered}: at least one). */
public record MyDeviceDto(long id, String sipUsername, Instant createdAt, boolean registered,
                          List<RegistrationDto> registrations) {
}
