package com.crosspoint.api;

import com.crosspoint.acd.report.Interval;
import com.crosspoint.provisioning.ProvisioningService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The query of a history-per-interval request, checked: {@code interval} (FIFTEEN_MINUTES, HOUR or DAY),
 * [{@code from}, {@code to}) of at most {@value #MAX_DAYS} days, {@code format} json (default) or csv; the caller
 * must see the tenant (its admins and operators).
 */
record HistoryQuery(long tenantId, Interval interval, Instant from, Instant to, boolean csv) {
    static final int MAX_DAYS = 366;

    static HistoryQuery of(ApiRequest rq, ProvisioningService provisioning) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        Interval interval = rq.queryEnum("interval", Interval.class);
        Instant from = rq.queryInstant("from");
        Instant to = rq.queryInstant("to");
        if (interval == null) {
            throw ApiException.badRequest("interval", "is required: one of " + List.of(Interval.values()));
        }
        if (from == null) {
            throw ApiException.badRequest("from", "is required");
        }
        if (to == null) {
            throw ApiException.badRequest("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw ApiException.badRequest("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw ApiException.badRequest("to", "at most " + MAX_DAYS + " days after from");
        }
        String format = rq.query("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "must be json or csv");
        }
        provisioning.tenant(tenantId);
        return new HistoryQuery(tenantId, interval, from, to, format.equals("csv"));
    }

    /** The JSON body of {@code rows}. */
    Reply json(List<?> rows) {
        return Reply.ok(new com.crosspoint.api.dto.AcdHistoryDto(interval.name(), from, to, rows));
    }

    /** {@code body} as the CSV download {@code acd-<what>-<tenant>.csv}. */
    Reply csv(byte[] body, String what) {
        return new Reply(200, new Reply.RawBody("text/csv; charset=utf-8", body), Map.of("Content-Disposition",
                "attachment; filename=\"acd-" + what + "-" + tenantId + ".csv\""));
    }
}
