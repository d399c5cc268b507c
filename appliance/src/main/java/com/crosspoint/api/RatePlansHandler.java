package com.crosspoint.api;

import com.crosspoint.api.dto.RatePlanDto;
import com.crosspoint.api.dto.RatePlanRequest;
import com.crosspoint.api.dto.RetailRateDto;
import com.crosspoint.billing.Tariffs;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.RatePlanStore;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/tenants/{tenantId}/billing/plans}: a tenant's retail plans and their rates (issue 14). The provider
 * (SUPERADMIN) writes them, the tenant's admins read them. A plan's rates are replaced as a whole set
 * ({@code PUT .../rates}): every rate is checked, periods of a prefix must not overlap, and a bad set changes nothing.
 */
final class RatePlansHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/billing/plans";
    private static final int MAX_RATES = 100_000;

    private final Tariffs tariffs;
    private final RatePlanStore plans;
    private final ProvisioningService provisioning;

    RatePlansHandler(Tariffs tariffs, RatePlanStore plans, ProvisioningService provisioning) {
        this.tariffs = tariffs;
        this.plans = plans;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{planId}", Access.LOGIN, this::get)
                .add("DELETE", BASE + "/{planId}", Access.LOGIN, this::delete)
                .add("GET", BASE + "/{planId}/rates", Access.LOGIN, this::rates)
                .add("PUT", BASE + "/{planId}/rates", Access.LOGIN, this::replaceRates);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private RatePlan plan(ApiRequest rq, long tenantId) {
        long planId = rq.pathId("planId");
        return plans.findPlan(planId).filter(p -> p.tenantId() == tenantId)
                .orElseThrow(() -> ApiException.notFound("no plan " + planId + " in tenant " + tenantId));
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(plans.plans(tenant(rq)).stream().map(RatePlanDto::of).toList());
    }

    private Reply get(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(RatePlanDto.of(plan(rq, tenantId)));
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        RatePlanRequest body = rq.body(RatePlanRequest.class);
        if (body.timeZone() == null || body.timeZone().isBlank()) {
            throw ApiException.badRequest("timeZone", "is required, e.g. Europe/Berlin");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone", "is not a time zone such as Europe/Berlin: \""
                    + body.timeZone() + "\"");
        }
        RatePlan plan = tariffs.createPlan(new RatePlan(0, tenantId, body.name(), body.currency(), zone));
        return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/" + plan.id(),
                RatePlanDto.of(plan));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        RatePlan plan = plan(rq, tenantId);
        try {
            tariffs.deletePlan(plan.id());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("planId", e.getMessage());
        }
        return Reply.noContent();
    }

    private Reply rates(ApiRequest rq) {
        long tenantId = tenant(rq);
        RatePlan plan = plan(rq, tenantId);
        return Reply.ok(plans.rates(plan.id()).stream().map(r -> RetailRateDto.of(r, plan.currency())).toList());
    }

    private Reply replaceRates(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        RatePlan plan = plan(rq, tenantId);
        RetailRateDto[] body = rq.body(RetailRateDto[].class);
        if (body.length > MAX_RATES) {
            throw ApiException.badRequest(null, "at most " + MAX_RATES + " rates in a plan");
        }
        List<RetailRate> rates = new ArrayList<>(body.length);
        for (int i = 0; i < body.length; i++) {
            if (body[i] == null) {
                throw ApiException.badRequest("[" + i + "]", "must be a rate object");
            }
            rates.add(body[i].toModel(plan.id(), plan.currency(), "[" + i + "]"));
        }
        List<RetailRate> stored = tariffs.replaceRates(plan.id(), rates);
        return Reply.ok(stored.stream().map(r -> RetailRateDto.of(r, plan.currency())).toList());
    }
}
