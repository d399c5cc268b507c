package com.crosspoint.api;

import com.crosspoint.api.dto.ConferenceRoomDto;
import com.crosspoint.api.dto.ConferenceRoomRequest;
import com.crosspoint.api.dto.MuteRequest;
import com.crosspoint.api.dto.ParticipantDto;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.provisioning.ValidationException;

/** {@code /api/v1/tenants/{tenantId}/conferences}: conference rooms and who is in them now. */
final class ConferencesHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/conferences";
    private static final String ROOM = BASE + "/{conferenceId}";
    private static final String PARTICIPANT = ROOM + "/participants/{participantId}";

    private final ConferenceService conferences;
    private final ProvisioningService provisioning;

    ConferencesHandler(ConferenceService conferences, ProvisioningService provisioning) {
        this.conferences = conferences;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", ROOM, Access.LOGIN, this::get)
                .add("PUT", ROOM, Access.LOGIN, this::update)
                .add("DELETE", ROOM, Access.LOGIN, this::delete)
                .add("GET", ROOM + "/participants", Access.LOGIN, this::participants)
                .add("POST", PARTICIPANT + "/mute", Access.LOGIN, this::mute)
                .add("DELETE", PARTICIPANT, Access.LOGIN, this::kick);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private ConferenceRoomDto dto(ConferenceRoom r) {
        return ConferenceRoomDto.of(r, conferences.participants(r.tenantId(), r.id()).size());
    }

    private Reply list(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(conferences.list(tenantId).stream().map(this::dto).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        ConferenceRoomRequest body = rq.body(ConferenceRoomRequest.class);
        ConferenceRoom r = conferences.create(tenantId, body.number(), body.name(), body.pin(),
                body.maxParticipants());
        return Reply.created("/api/v1/tenants/" + tenantId + "/conferences/" + r.id(), dto(r));
    }

    private Reply get(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(dto(conferences.room(tenantId, rq.pathId("conferenceId"))));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        ConferenceRoomRequest body = rq.body(ConferenceRoomRequest.class);
        return Reply.ok(dto(conferences.update(tenantId, rq.pathId("conferenceId"), body.number(), body.name(),
                body.pin(), body.maxParticipants())));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        conferences.delete(tenantId, rq.pathId("conferenceId"));
        return Reply.noContent();
    }

    private Reply participants(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(conferences.participants(tenantId, rq.pathId("conferenceId")).stream()
                .map(ParticipantDto::of).toList());
    }

    private Reply mute(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        MuteRequest body = rq.body(MuteRequest.class);
        if (body.muted() == null) {
            throw new ValidationException("muted", "is required: true or false");
        }
        var p = conferences.participant(tenantId, rq.pathId("conferenceId"), rq.pathId("participantId"));
        return Reply.ok(ParticipantDto.of(conferences.mute(p, body.muted())));
    }

    private Reply kick(ApiRequest rq) {
        long tenantId = tenant(rq);
        conferences.kick(tenantId, rq.pathId("conferenceId"), rq.pathId("participantId"));
        return Reply.noContent();
    }
}
