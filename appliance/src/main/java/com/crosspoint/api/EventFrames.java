package com.crosspoint.api;

import com.crosspoint.api.dto.AccountBackOffFrame;
import com.crosspoint.api.dto.BillingFrame;
import com.crosspoint.api.dto.MovedFrame;
import com.crosspoint.api.dto.AgentDto;
import com.crosspoint.api.dto.AgentFrame;
import com.crosspoint.api.dto.CallbackFrame;
import com.crosspoint.api.dto.QueueStatsDto;
import com.crosspoint.api.dto.QueueStatsFrame;
import com.crosspoint.api.dto.CallDto;
import com.crosspoint.api.dto.CallFrame;
import com.crosspoint.api.dto.DeviceDto;
import com.crosspoint.api.dto.DeviceFrame;
import com.crosspoint.api.dto.MessageDto;
import com.crosspoint.api.dto.MessageFrame;
import com.crosspoint.api.dto.RegistrationDto;
import com.crosspoint.api.dto.RegistrationFrame;
import com.crosspoint.api.dto.SnapshotFrame;
import com.crosspoint.api.dto.TenantDto;
import com.crosspoint.api.dto.TenantFrame;
import com.crosspoint.api.dto.UserDto;
import com.crosspoint.api.dto.UserFrame;
import com.crosspoint.api.dto.VoicemailDto;
import com.crosspoint.api.dto.VoicemailFrame;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.AccountBackOffEvent;
import com.crosspoint.events.BillingEvent;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.ChatEvent;
import com.crosspoint.api.dto.ChatDto;
import com.crosspoint.api.dto.ChatFrame;
import com.crosspoint.api.dto.ChatLineDto;
import com.crosspoint.events.DeviceEvent;
import com.crosspoint.events.Event;
import com.crosspoint.events.MessageEvent;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.events.VoicemailEvent;
import com.crosspoint.events.AcdEvent;
import com.crosspoint.events.AcdMoveEvent;
import com.crosspoint.events.ConferenceEvent;
import com.crosspoint.events.RateDeckImportEvent;
import com.crosspoint.api.dto.RateDeckImportDto;
import com.crosspoint.api.dto.RateDeckImportFrame;
import com.crosspoint.api.dto.ConferenceFrame;
import com.crosspoint.model.Tenant;
import com.crosspoint.registrar.Registrar;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** The messages of the event stream: a snapshot of what an account may watch, and one frame per event. */
final class EventFrames {
    static final String SNAPSHOT = "snapshot";

    private final Directory directory;
    private final Registrar registrar;
    private final ActiveCalls calls;
    private final RegistrationMapper registrations;
    private final Clock clock;
    private final CallDtos callDtos;

    EventFrames(Directory directory, Registrar registrar, ActiveCalls calls, RegistrationMapper registrations,
                Clock clock) {
        this.directory = directory;
        this.registrar = registrar;
        this.calls = calls;
        this.registrations = registrations;
        this.clock = clock;
        this.callDtos = new CallDtos(directory);
    }

    SnapshotFrame snapshot(Principal p, long seq) {
        if (p.isUser()) {
            return userSnapshot(p, seq);
        }
        List<Long> tenants = p.global() ? directory.tenants().stream().map(Tenant::id).toList()
                : p.tenantId() == null ? List.of() : List.of(p.tenantId());
        List<RegistrationDto> regs = tenants.stream()
                .flatMap(t -> registrar.list(t).stream()).map(registrations::toDto).toList();
        Stream<CallSnapshot> live = p.global() ? calls.listAll().stream()
                : tenants.stream().flatMap(t -> calls.list(t).stream());
        return new SnapshotFrame(SNAPSHOT, seq, clock.instant(), regs, live.map(callDtos::of).toList());
    }

    /** An end user's snapshot: the registrations of its own devices and the calls it takes part in. */
    private SnapshotFrame userSnapshot(Principal p, long seq) {
        long tenant = p.tenantId();
        List<RegistrationDto> regs = registrar.list(tenant).stream().filter(b -> b.userId() == p.userId())
                .map(registrations::toDto).toList();
        List<CallDto> mine = calls.list(tenant).stream().filter(p::involves).map(callDtos::of).toList();
        return new SnapshotFrame(SNAPSHOT, seq, clock.instant(), regs, mine);
    }

    Object frame(Event e, long seq) {
        if (e instanceof RegistrationEvent r) {
            return new RegistrationFrame(e.type(), seq, e.at(), e.tenantId(), registrations.toDto(r.binding(), r.nat()));
        }
        if (e instanceof CallEvent c) {
            return new CallFrame(e.type(), seq, e.at(), e.tenantId(), callDtos.of(c.call()));
        }
        if (e instanceof MessageEvent m) {
            return new MessageFrame(e.type(), seq, e.at(), e.tenantId(), MessageDto.of(m.message()));
        }
        if (e instanceof VoicemailEvent v) {
            return new VoicemailFrame(e.type(), seq, e.at(), e.tenantId(), v.extension(), VoicemailDto.of(v.voicemail()),
                    v.counts().newMessages(), v.counts().savedMessages());
        }
        if (e instanceof ConferenceEvent c) {
            return new ConferenceFrame(e.type(), seq, e.at(), e.tenantId(), c.conferenceId(), c.number(),
                    c.participantId(), c.caller(), c.participants());
        }
        if (e instanceof AcdEvent a) {
            if (a.callback() != null) {
                return CallbackFrame.of(e.type(), seq, e.at(), a.callback());
            }
            return a.agent() != null ? new AgentFrame(e.type(), seq, e.at(), e.tenantId(), AgentDto.of(a.agent()))
                    : new QueueStatsFrame(e.type(), seq, e.at(), e.tenantId(), QueueStatsDto.of(a.queue()));
        }
        if (e instanceof AcdMoveEvent m) {
            return new MovedFrame(e.type(), seq, e.at(), e.tenantId(), m.entryId(), m.fromQueueId(), m.toQueueId(),
                    m.caller(), m.position());
        }
        if (e instanceof AccountBackOffEvent b) {
            return new AccountBackOffFrame(e.type(), seq, e.at(), e.tenantId(), b.channel(), b.account(), b.failures(),
                    b.sources(), b.backOff().toSeconds(), b.until());
        }
        if (e instanceof BillingEvent b) {
            return BillingFrame.of(b, seq);
        }
        if (e instanceof ChatEvent c) {
            return new ChatFrame(e.type(), seq, e.at(), e.tenantId(), ChatDto.of(c.chat().withoutLines()),
                    ChatLineDto.of(c.line()));
        }
        if (e instanceof RateDeckImportEvent i) {
            return new RateDeckImportFrame(e.type(), seq, e.at(), RateDeckImportDto.of(i.deckImport()));
        }
        // Provisioning: the DTOs leave out every secret (passwords, a device's HA1 hashes).
        if (e instanceof TenantEvent t) {
            return new TenantFrame(e.type(), seq, e.at(), e.tenantId(), TenantDto.of(t.tenant()));
        }
        if (e instanceof UserEvent u) {
            return new UserFrame(e.type(), seq, e.at(), e.tenantId(), UserDto.of(u.user()));
        }
        if (e instanceof DeviceEvent d) {
            return new DeviceFrame(e.type(), seq, e.at(), e.tenantId(), DeviceDto.of(d.device(), d.extension()));
        }
        throw new IllegalArgumentException("no frame for event " + e.type());
    }
}
