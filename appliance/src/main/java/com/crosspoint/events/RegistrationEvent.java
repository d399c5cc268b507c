package com.crosspoint.events;

import com.crosspoint.model.Binding;
import java.time.Instant;

/** A binding was added, refreshed, removed by its device, or expired. */
public record RegistrationEvent(Kind kind, Binding binding, Instant at) implements Event {

    public enum Kind { ADDED, REFRESHED, REMOVED, EXPIRED }

    @Override
    public long tenantId() {
        return binding.tenantId();
    }

    @Override
    public String type() {
        return "registration." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
