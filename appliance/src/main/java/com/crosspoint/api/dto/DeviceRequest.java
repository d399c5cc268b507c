package com.crosspoint.api.dto;

/** A new device: both fields optional (username from the extension, password generated). */
public record DeviceRequest(String sipUsername, String password) {
}
