package com.crosspoint.api.dto;

/** A retail plan: its name, currency (ISO 4217) and the time zone its rates' days are in (e.g. Europe/Berlin). */
public record RatePlanRequest(String name, String currency, String timeZone) {
}
