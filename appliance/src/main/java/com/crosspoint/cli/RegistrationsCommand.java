package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code crosspoint registrations}. */
@Command(name = "registrations", mixinStandardHelpOptions = true,
        description = "List the live registrations of the tenant.")
public final class RegistrationsCommand extends ApiCommand {
    @Override
    protected void run(ApiClient api) {
        JsonNode regs = api.get("/api/v1/tenants/" + tenantId(api) + "/registrations");
        if (json) {
            printJson(api, regs);
            return;
        }
        TextTable t = new TextTable("EXTENSION", "SIP USERNAME", "CONTACT", "SOURCE", "TRANSPORT", "EXPIRES", "USER AGENT");
        regs.forEach(r -> t.row(text(r, "extension"), text(r, "sipUsername"),
                r.get("contact").asText(), r.get("source").asText(), r.get("transport").asText(),
                r.get("expiresAt").asText(), text(r, "userAgent")));
        t.print(out());
    }
}
