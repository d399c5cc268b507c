package com.crosspoint.api;

import com.crosspoint.billing.statement.Statement;
import com.crosspoint.billing.statement.StatementCsv;
import com.crosspoint.billing.statement.StatementPdf;
import com.crosspoint.billing.statement.Statements;
import com.crosspoint.provisioning.ProvisioningService;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/v1/tenants/{tenantId}/billing/statements}: a tenant's monthly statements (issue 14), for its admins and
 * the provider: the list of months, and one month as JSON, CSV ({@code ?format=csv}) or PDF ({@code ?format=pdf}).
 */
final class StatementsHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/billing/statements";

    private final Statements statements;
    private final ProvisioningService provisioning;

    StatementsHandler(Statements statements, ProvisioningService provisioning) {
        this.statements = statements;
        this.provisioning = provisioning;
    }

    /** A month with a statement, and where to get it in each format. */
    record StatementLink(String month, String json, String csv, String pdf) {
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("GET", BASE + "/{month}", Access.LOGIN, this::get);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private Reply list(ApiRequest rq) {
        long tenantId = tenant(rq);
        String base = BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/";
        List<YearMonth> months;
        try {
            months = statements.months(tenantId);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return Reply.ok(months.stream().map(m -> new StatementLink(m.toString(), base + m, base + m + "?format=csv",
                base + m + "?format=pdf")).toList());
    }

    private Reply get(ApiRequest rq) {
        long tenantId = tenant(rq);
        YearMonth month;
        try {
            month = YearMonth.parse(rq.path("month"));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("month", "must be a month such as 2026-03");
        }
        String format = rq.query("format").orElse("json");
        Statement s;
        try {
            s = statements.build(tenantId, month);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("month", e.getMessage());
        }
        String file = "statement-" + tenantId + "-" + month;
        return switch (format) {
            case "json" -> Reply.ok(com.crosspoint.api.dto.StatementDto.of(s));
            case "csv" -> new Reply(200, new Reply.RawBody("text/csv; charset=utf-8", StatementCsv.write(s)),
                    Map.of("Content-Disposition", "attachment; filename=\"" + file + ".csv\""));
            case "pdf" -> new Reply(200, new Reply.RawBody("application/pdf", StatementPdf.write(s)),
                    Map.of("Content-Disposition", "attachment; filename=\"" + file + ".pdf\""));
            default -> throw ApiException.badRequest("format", "must be json, csv or pdf");
        };
    }
}
