package com.crosspoint.api.dto;

/** {@code PATCH /carriers/{id}}: takes a carrier out of service ({@code false}) or back ({@code true}). */
public record CarrierPatch(Boolean inService) {
}
