package com.crosspoint.events;

import java.time.Instant;

/** A state change that someone watches: the console, the dashboards, other services. */
public sealed interface Event permits RegistrationEvent, CallEvent, MessageEvent, VoicemailEvent,
        ConferenceEvent, ProvisioningEvent, AccountBackOffEvent, RateDeckImportEvent, BillingEvent, ChatEvent,
        AcdEvent, AcdMoveEvent {
    long tenantId();

    Instant at();

    /** Short name for the wire, e.g. {@code registration.added}. */
    String type();
}
