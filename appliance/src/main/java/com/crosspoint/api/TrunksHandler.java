package com.crosspoint.api;

import com.crosspoint.api.dto.TrunkDto;
import com.crosspoint.trunk.GatewayRoute;
import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/trunks} (a login that sees every tenant): the PBX's call routers and gateways, up or down. */
final class TrunksHandler implements RouteGroup {
    private final Trunks trunks;

    TrunksHandler(Trunks trunks) {
        this.trunks = trunks;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/trunks", Access.LOGIN, this::list);
    }

    private Reply list(ApiRequest rq) {
        if (!rq.principal().global()) {
            throw ApiException.forbidden("needs a login that sees every tenant");
        }
        List<TrunkDto> out = new ArrayList<>();
        if (trunks != null) {
            for (TrunkTarget t : trunks.routers()) {
                out.add(dto("router", null, t));
            }
            for (GatewayRoute g : trunks.gatewayRoutes()) {
                out.add(dto("gateway", g.prefix(), g.gateway()));
            }
        }
        return Reply.ok(out);
    }

    private TrunkDto dto(String role, String prefix, TrunkTarget t) {
        return new TrunkDto(role, prefix, t.host(), t.port(), t.transport(), trunks.isUp(t));
    }
}
