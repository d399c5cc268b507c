package com.crosspoint.api;

import com.crosspoint.acd.service.AcdService;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallControl;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.im.MessageService;
import com.crosspoint.ivr.AttendantService;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.store.Stores;
import com.crosspoint.voicemail.VoicemailService;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * The domain services the API serves; built by the composition root. {@code media} may be null (no engine).
 * {@code sipHost} is the address phones register to (the advertised address), shown with new SIP credentials;
 * {@code turn} issues ephemeral TURN credentials and tells the TURN server's counters; {@code routing} (may be null:
 * the carrier and trunk resources then answer 404) is the call router and the trunks; {@code metrics} (may be null:
 * no {@code /metrics}) gives the Prometheus exposition; {@code billing} (may be null: the billing resources then
 * answer 404) is the billing engine; {@code chat} (may be null) is the visitor web chat.
 */
public record ApiServices(String nodeName, IntSupplier sipPort, String sipHost, Stores stores, Directory directory,
                          ProvisioningService provisioning, Registrar registrar, ActiveCalls activeCalls,
                          CallControl callControl, MessageService messages, VoicemailService voicemail,
                          AttendantService attendant,
                          EventBus events, Clock clock, ConferenceService conferences,
                          MediaEngine media, TurnAccess turn, RoutingServices routing,
                          java.util.function.Supplier<String> metrics, com.crosspoint.billing.Billing billing,
                          ChatServices chat,
                          AcdService acd) {

    /** Without the visitor web chat and the contact center ({@code /chat/ws}, {@code /me/chats}, {@code /me/agent} answer 404). */
    public ApiServices(String nodeName, IntSupplier sipPort, String sipHost, Stores stores, Directory directory,
                       ProvisioningService provisioning, Registrar registrar, ActiveCalls activeCalls,
                       CallControl callControl, MessageService messages, VoicemailService voicemail,
                       AttendantService attendant, EventBus events, Clock clock, ConferenceService conferences,
                       MediaEngine media, TurnAccess turn, RoutingServices routing,
                       java.util.function.Supplier<String> metrics) {
        this(nodeName, sipPort, sipHost, stores, directory, provisioning, registrar, activeCalls, callControl, messages,
                voicemail, attendant, events, clock, conferences, media, turn, routing, metrics, null, null, null);
    }

    /** Without the call router and trunks. */
    public ApiServices(String nodeName, IntSupplier sipPort, String sipHost, Stores stores, Directory directory,
                       ProvisioningService provisioning, Registrar registrar, ActiveCalls activeCalls,
                       CallControl callControl, MessageService messages, VoicemailService voicemail,
                       AttendantService attendant, EventBus events, Clock clock, ConferenceService conferences,
                       MediaEngine media, TurnAccess turn) {
        this(nodeName, sipPort, sipHost, stores, directory, provisioning, registrar, activeCalls, callControl, messages,
                voicemail, attendant, events, clock, conferences, media, turn, null, null);
    }

    /** Without TURN: {@code /me/turn-credentials} answers 404. */
    public ApiServices(String nodeName, IntSupplier sipPort, String sipHost, Stores stores, Directory directory,
                       ProvisioningService provisioning, Registrar registrar, ActiveCalls activeCalls,
                       CallControl callControl, MessageService messages, VoicemailService voicemail,
                       AttendantService attendant, EventBus events, Clock clock, ConferenceService conferences,
                       MediaEngine media) {
        this(nodeName, sipPort, sipHost, stores, directory, provisioning, registrar, activeCalls, callControl, messages,
                voicemail, attendant, events, clock, conferences, media, TurnAccess.NONE);
    }
}
