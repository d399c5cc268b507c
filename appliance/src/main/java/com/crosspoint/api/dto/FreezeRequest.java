package com.crosspoint.api.dto;

/** Freeze (true: new outside calls are refused, running ones end) or thaw (false) an account or a user. */
public record FreezeRequest(Boolean frozen) {
}
