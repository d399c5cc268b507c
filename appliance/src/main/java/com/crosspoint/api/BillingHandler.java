package com.crosspoint.api;

import com.crosspoint.api.dto.Amounts;
import com.crosspoint.api.dto.BillingAccountDto;
import com.crosspoint.api.dto.BillingAccountRequest;
import com.crosspoint.api.dto.FreezeRequest;
import com.crosspoint.api.dto.LedgerEntryDto;
import com.crosspoint.api.dto.LedgerPostRequest;
import com.crosspoint.api.dto.RerateDto;
import com.crosspoint.api.dto.RerateRequest;
import com.crosspoint.api.dto.SpendLimitsDto;
import com.crosspoint.api.dto.UserBillingDto;
import com.crosspoint.api.dto.UserBillingRequest;
import com.crosspoint.billing.Accounts;
import com.crosspoint.billing.Billing;
import com.crosspoint.billing.Rerater;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.UserBilling;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.LedgerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code /api/v1/tenants/{tenantId}/billing/...}: a tenant's billing account (issue 14). The provider (SUPERADMIN)
 * opens and changes accounts, posts top-ups and adjustments and thaws a frozen account; the tenant's admins see
 * their account and ledger and may freeze it at once (a brake against fraud). Also {@code POST /api/v1/billing/rerate}.
 */
final class BillingHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/billing";
    private static final int MAX_LEDGER_LINES = 10_000;

    private final Billing billing;
    private final LedgerStore ledger;
    private final ProvisioningService provisioning;
    private final Clock clock;

    BillingHandler(Billing billing, LedgerStore ledger, ProvisioningService provisioning, Clock clock) {
        this.billing = billing;
        this.ledger = ledger;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE + "/account", Access.LOGIN, this::account)
                .add("PUT", BASE + "/account", Access.LOGIN, this::putAccount)
                .add("POST", BASE + "/freeze", Access.LOGIN, this::freeze)
                .add("POST", BASE + "/top-ups", Access.LOGIN, rq -> post(rq, LedgerEntry.Kind.TOP_UP))
                .add("POST", BASE + "/adjustments", Access.LOGIN, rq -> post(rq, LedgerEntry.Kind.ADJUSTMENT))
                .add("GET", BASE + "/ledger", Access.LOGIN, this::ledger)
                .add("GET", BASE + "/users/{userId}", Access.LOGIN, this::user)
                .add("PUT", BASE + "/users/{userId}", Access.LOGIN, this::putUser)
                .add("POST", "/api/v1/billing/rerate", Access.LOGIN, this::rerate);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private BillingAccount existing(long tenantId) {
        return accounts().account(tenantId)
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId + " has no billing account"));
    }

    private Accounts accounts() {
        return billing.accounts();
    }

    private Reply account(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(dto(existing(tenantId)));
    }

    private BillingAccountDto dto(BillingAccount a) {
        return BillingAccountDto.of(a, accounts().funds(a.tenantId()), accounts().openCalls(a.tenantId()));
    }

    private Reply putAccount(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        BillingAccountRequest body = rq.body(BillingAccountRequest.class);
        if (body.kind() == null) {
            throw ApiException.badRequest("kind", "is required: PREPAID or POSTPAID");
        }
        BillingAccount.Kind kind;
        try {
            kind = BillingAccount.Kind.valueOf(body.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "must be PREPAID or POSTPAID");
        }
        if (body.planId() == null) {
            throw ApiException.badRequest("planId", "is required: the tenant's retail plan");
        }
        if (body.currency() == null) {
            throw ApiException.badRequest("currency", "is required, e.g. EUR");
        }
        var before = accounts().account(tenantId);
        BillingAccount account = new BillingAccount(tenantId, kind, body.currency(), body.planId(),
                Amounts.micros(body.creditLimit(), body.currency(), "creditLimit"),
                Amounts.micros(body.warningThreshold(), body.currency(), "warningThreshold"),
                before.map(BillingAccount::frozen).orElse(false), SpendLimitsDto.toModel(body.limits(), body.currency()));
        if (before.isEmpty()) {
            accounts().open(account);
            return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/account", dto(account));
        }
        if (!before.get().currency().equals(account.currency())) {
            throw ApiException.badRequest("currency", "an account keeps its currency (" + before.get().currency()
                    + "): its ledger is in it");
        }
        return Reply.ok(dto(accounts().update(account)));
    }

    private Reply freeze(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        FreezeRequest body = rq.body(FreezeRequest.class);
        if (body.frozen() == null) {
            throw ApiException.badRequest("frozen", "is required: true or false");
        }
        existing(tenantId);
        if (!body.frozen()) {
            rq.principal().requireSuperadmin(); // a tenant may brake at once; only the provider releases the brake
        }
        return Reply.ok(dto(accounts().freeze(tenantId, body.frozen())));
    }

    private Reply post(ApiRequest rq, LedgerEntry.Kind kind) throws Exception {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        BillingAccount account = existing(tenantId);
        LedgerPostRequest body = rq.body(LedgerPostRequest.class);
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiException.badRequest("reason", "is required: why (a receipt number, a credit note)");
        }
        var amount = Amounts.money(body.amount(), account.currency(), "amount");
        String actor = rq.principal().username();
        LedgerEntry entry = kind == LedgerEntry.Kind.TOP_UP
                ? accounts().topUp(tenantId, amount, actor, body.reason())
                : accounts().adjust(tenantId, amount, actor, body.reason());
        return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/ledger",
                LedgerEntryDto.of(entry));
    }

    private Reply ledger(ApiRequest rq) {
        long tenantId = tenant(rq);
        existing(tenantId);
        Instant now = clock.instant();
        Instant from = rq.queryInstant("from");
        Instant to = rq.queryInstant("to");
        int limit = rq.queryInt("limit", 1000, 1, MAX_LEDGER_LINES);
        var lines = new java.util.ArrayList<>(ledger.entries(tenantId, from == null ? Instant.EPOCH : from,
                to == null ? now.plusMillis(1) : to));
        java.util.Collections.reverse(lines); // the newest first, as a person reads an account
        return Reply.ok(lines.stream().limit(limit).map(LedgerEntryDto::of).toList());
    }

    private long user(ApiRequest rq, long tenantId) {
        long userId = rq.pathId("userId");
        provisioning.user(tenantId, userId);
        return userId;
    }

    private Reply user(ApiRequest rq) {
        long tenantId = tenant(rq);
        BillingAccount account = existing(tenantId);
        long userId = user(rq, tenantId);
        UserBilling u = billing.accounts().user(tenantId, userId)
                .orElse(new UserBilling(tenantId, userId, null, false, com.crosspoint.model.SpendLimits.NONE));
        return Reply.ok(UserBillingDto.of(u, account.currency()));
    }

    private Reply putUser(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        rq.principal().requireSuperadmin();
        BillingAccount account = existing(tenantId);
        long userId = user(rq, tenantId);
        UserBillingRequest body = rq.body(UserBillingRequest.class);
        UserBilling u = accounts().putUser(new UserBilling(tenantId, userId, body.planId(),
                Boolean.TRUE.equals(body.frozen()), SpendLimitsDto.toModel(body.limits(), account.currency())));
        return Reply.ok(UserBillingDto.of(u, account.currency()));
    }

    private Reply rerate(ApiRequest rq) throws Exception {
        rq.principal().requireSuperadmin();
        RerateRequest body = rq.body(RerateRequest.class);
        Instant from = instant(body.from(), "from");
        Instant to = instant(body.to(), "to");
        if (!to.isAfter(from)) {
            throw ApiException.badRequest("to", "must be after from");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiException.badRequest("reason", "is required: what was corrected");
        }
        if (body.tenantId() != null) {
            provisioning.tenant(body.tenantId());
        }
        Rerater.Outcome o = billing.rerater().rerate(new LedgerStore.Period(body.tenantId(), from, to),
                rq.principal().username(), body.reason());
        return Reply.ok(new RerateDto(o.examined(), o.changed(), o.priceChangeMicros()));
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            throw ApiException.badRequest(field, "is required, an instant such as 2026-03-01T00:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be an instant such as 2026-03-01T00:00:00Z");
        }
    }
}
