package com.crosspoint.api;

import com.crosspoint.api.dto.RouteExplanationDto;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/routes/explain?number=+E164} (a login that sees every tenant): the carriers the router would try
 * for a number now, best first, with each score's parts, and the excluded ones with the floor they failed. Claims
 * nothing: asking does not take a breaker's trial call.
 */
final class RoutesHandler implements RouteGroup {
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,15}");

    private final RoutingServices routing;
    private final Clock clock;

    RoutesHandler(RoutingServices routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/routes/explain", Access.LOGIN, this::explain);
    }

    private Reply explain(ApiRequest rq) {
        if (!rq.principal().global()) {
            throw ApiException.forbidden("needs a login that sees every tenant");
        }
        RoutingServices r = CarriersHandler.available(routing);
        // an unencoded '+' arrives as a space: take it for the '+' it was meant to be
        String number = rq.query("number").map(n -> n.startsWith(" ") ? "+" + n.substring(1) : n).orElse("").strip();
        if (!E164.matcher(number).matches()) {
            throw ApiException.badRequest("number", "must be an E.164 number: + and 1 to 15 digits (send + as %2B)");
        }
        return Reply.ok(RouteExplanationDto.of(r.router().explain(number, clock.instant())));
    }
}
