package com.crosspoint.api;

import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AcdBoardDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/me/agent/queues}: the queues the signed-in agent serves, with their figures and the callers
 * waiting in them (the dashboard's agent view). Other agents are not shown: that is the supervisor's board.
 */
final class MyQueuesHandler implements RouteGroup {
    private final AcdService acd;
    private final Directory directory;
    private final LoginSessions sessions;
    private final Clock clock;

    MyQueuesHandler(AcdService acd, Directory directory, LoginSessions sessions, Clock clock) {
        this.acd = acd;
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", MeHandler.BASE + "/agent/queues", Access.USER, this::queues);
    }

    private Reply queues(ApiRequest rq) {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        User me = MeHandler.currentUser(rq, directory, sessions);
        Set<Long> mine = acd.center().queuesOf(me.id()).stream().map(QueueConfig::id).collect(Collectors.toSet());
        return Reply.ok(new AcdBoardDto(clock.instant(), AcdBoardHandler.queues(acd, me.tenantId(), mine::contains),
                List.of()));
    }
}
