package com.crosspoint.api;

import com.crosspoint.directory.Directory;

/**
 * {@code GET /api/v1/me/turn-credentials}: ephemeral TURN credentials for the signed-in end user (a browser client's
 * WebRTC ICE servers), valid for {@code turn.restTtlSeconds}. Each call issues fresh ones; nothing is stored.
 */
final class MyTurnHandler implements RouteGroup {
    private final TurnAccess issuer;
    private final Directory directory;
    private final LoginSessions sessions;

    MyTurnHandler(TurnAccess issuer, Directory directory, LoginSessions sessions) {
        this.issuer = issuer;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", MeHandler.BASE + "/turn-credentials", Access.USER, this::credentials);
    }

    private Reply credentials(ApiRequest rq) {
        var user = MeHandler.currentUser(rq, directory, sessions);
        return issuer.issue(user).map(Reply::ok)
                .orElseThrow(() -> ApiException.notFound("this node runs no TURN server (turn.enabled is false)"));
    }
}
