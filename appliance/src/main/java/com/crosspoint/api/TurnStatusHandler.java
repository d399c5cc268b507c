package com.crosspoint.api;

/**
 * {@code GET /api/v1/turn} (a login that sees every tenant): the STUN/TURN server's allocations and what it dropped,
 * for monitoring; 404 when the node runs no TURN server.
 */
final class TurnStatusHandler implements RouteGroup {
    private final TurnAccess turn;

    TurnStatusHandler(TurnAccess turn) {
        this.turn = turn;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/turn", Access.LOGIN, this::status);
    }

    private Reply status(ApiRequest rq) {
        if (!rq.principal().global()) {
            throw ApiException.forbidden("needs a login that sees every tenant");
        }
        return turn.status().map(Reply::ok)
                .orElseThrow(() -> ApiException.notFound("this node runs no TURN server (turn.enabled is false)"));
    }
}
