package com.crosspoint.events;

import com.crosspoint.model.User;
import java.time.Instant;

/** A user was created, changed (extension, name, e-mail, call settings) or deleted (with its devices). */
public record UserEvent(Kind kind, User user, Instant at) implements ProvisioningEvent {

    @Override
    public long tenantId() {
        return user.tenantId();
    }

    @Override
    public String type() {
        return kind.typeOf("user");
    }
}
