package com.crosspoint.api;

import java.util.Map;

/**
 * Plain HTTP on the event-stream path: WebSocket upgrades never get here (the upgrade handler takes
 * them first), so this answers everything else with 426.
 */
final class EventsHandler implements RouteGroup {

    @Override
    public void addRoutes(Router router) {
        router.add("GET", EventStream.PATH, Access.ANY_LOGIN, rq -> {
            Reply r = ErrorMapper.reply(426, "connect with a WebSocket client (Upgrade: websocket)", null);
            return new Reply(r.status(), r.body(), Map.of("Upgrade", "websocket"));
        });
    }
}
