package com.crosspoint.events;

import com.crosspoint.model.Device;
import java.time.Instant;

/**
 * A device was created, given a new SIP password (CHANGED: new HA1 hashes) or deleted.
 *
 * @param extension its user's extension at the time, for display: the device names only the user's id
 */
public record DeviceEvent(Kind kind, Device device, String extension, Instant at) implements ProvisioningEvent {

    @Override
    public long tenantId() {
        return device.tenantId();
    }

    @Override
    public String type() {
        return kind.typeOf("device");
    }

    /** Without the HA1 hashes: an event may be logged, and they are as good as the password for this realm. */
    @Override
    public String toString() {
        return "DeviceEvent[" + type() + " " + device.id() + " " + device.sipUsername() + " of user "
                + device.userId() + " in tenant " + device.tenantId() + " at " + at + "]";
    }
}
