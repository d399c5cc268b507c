package com.crosspoint.api;

import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AgentDto;
import com.crosspoint.api.dto.AgentRequest;
import com.crosspoint.api.dto.QueueDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import java.util.List;

/**
 * {@code /api/v1/me/agent}: the signed-in end user as a contact-center agent: their state and queues, logging in
 * and out, pausing with a reason.
 */
final class MyAgentHandler implements RouteGroup {
    private final AcdService acd;
    private final Directory directory;
    private final LoginSessions sessions;

    /** The state and the queues of the agent. */
    record MyAgent(AgentDto agent, List<QueueDto> queues) {
    }

    MyAgentHandler(AcdService acd, Directory directory, LoginSessions sessions) {
        this.acd = acd;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", MeHandler.BASE + "/agent", Access.USER, this::get)
                .add("PUT", MeHandler.BASE + "/agent", Access.USER, this::change);
    }

    private AcdService acd() {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        return acd;
    }

    private Reply get(ApiRequest rq) {
        User me = MeHandler.currentUser(rq, directory, sessions);
        AgentState state = acd().center().agentState(me.id()).orElse(AgentState.loggedOut(me.tenantId(), me.id(),
                me.extension(), acd().limits().agentChatCapacity(), java.time.Instant.EPOCH));
        return Reply.ok(new MyAgent(AgentDto.of(state),
                acd().center().queuesOf(me.id()).stream().map(QueueDto::of).toList()));
    }

    private Reply change(ApiRequest rq) throws Exception {
        User me = MeHandler.currentUser(rq, directory, sessions);
        AgentState after = QueuesHandler.change(acd(), me, rq.body(AgentRequest.class));
        return Reply.ok(new MyAgent(AgentDto.of(after),
                acd().center().queuesOf(me.id()).stream().map(QueueDto::of).toList()));
    }
}
