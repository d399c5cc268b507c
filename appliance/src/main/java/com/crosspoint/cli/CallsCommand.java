package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code crosspoint calls}. */
@Command(name = "calls", mixinStandardHelpOptions = true, description = "List the calls in progress in the tenant.")
public final class CallsCommand extends ApiCommand {
    @Override
    protected void run(ApiClient api) {
        JsonNode calls = api.get("/api/v1/tenants/" + tenantId(api) + "/calls");
        if (json) {
            printJson(api, calls);
            return;
        }
        TextTable t = new TextTable("CALL ID", "CALLER", "CALLEE", "CONNECTED TO", "STATE", "STARTED", "TALKING");
        calls.forEach(c -> t.row(c.get("callId").asText(), c.get("caller").asText(), c.get("callee").asText(),
                text(c, "connectedTo"), c.get("state").asText(), c.get("startedAt").asText(),
                talking(text(c, "answeredAt"))));
        t.print(out());
    }

    /** Talk time so far as h:mm:ss, or null before answer. */
    private static String talking(String answeredAt) {
        if (answeredAt == null) {
            return null;
        }
        Duration d = Duration.between(Instant.parse(answeredAt), Instant.now());
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
