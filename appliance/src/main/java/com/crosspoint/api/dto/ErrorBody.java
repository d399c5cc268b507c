package com.crosspoint.api.dto;

/** Every error response: what went wrong and, when one request field is to blame, its name. */
public record ErrorBody(String error, String field) {
}
