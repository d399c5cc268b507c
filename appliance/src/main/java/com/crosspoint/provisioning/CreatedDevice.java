package com.crosspoint.provisioning;

import com.crosspoint.model.Device;

/** A new device and its SIP password, which is shown this once and never stored. */
public record CreatedDevice(Device device, String password) {
}
