package com.crosspoint.events;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatFinding;
import java.time.Instant;
import java.util.Objects;

/** A binding was added, refreshed, removed by its device, or expired; with what was found of its NAT. */
public record RegistrationEvent(Kind kind, Binding binding, Instant at, NatFinding nat) implements Event {

    public enum Kind { ADDED, REFRESHED, REMOVED, EXPIRED }

    public RegistrationEvent {
        Objects.requireNonNull(nat, "nat");
    }

    public RegistrationEvent(Kind kind, Binding binding, Instant at) {
        this(kind, binding, at, NatFinding.NONE);
    }

    @Override
    public long tenantId() {
        return binding.tenantId();
    }

    @Override
    public String type() {
        return "registration." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
