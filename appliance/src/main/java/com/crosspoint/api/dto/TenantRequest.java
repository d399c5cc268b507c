package com.crosspoint.api.dto;

/** Create or replace a tenant; {@code domain} is its SIP domain and digest realm. */
public record TenantRequest(String name, String domain) {
}
