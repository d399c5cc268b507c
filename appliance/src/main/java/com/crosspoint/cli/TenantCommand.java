package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint tenant list|add}. */
@Command(name = "tenant", mixinStandardHelpOptions = true, description = "List or add tenants (SIP domains).",
        subcommands = {TenantCommand.List.class, TenantCommand.Add.class})
public final class TenantCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenants this login sees.")
    static final class List extends ApiCommand {
        @Override
        protected void run(ApiClient api) {
            JsonNode tenants = api.get("/api/v1/tenants");
            if (json) {
                printJson(api, tenants);
                return;
            }
            TextTable t = new TextTable("ID", "DOMAIN", "NAME");
            tenants.forEach(n -> t.row(n.get("id").asText(), n.get("domain").asText(), n.get("name").asText()));
            t.print(out());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a tenant (needs a SUPERADMIN login).")
    static final class Add extends ApiCommand {
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "SIP domain, also the digest realm.")
        String domain;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the domain).")
        String name;

        @Override
        protected void run(ApiClient api) {
            JsonNode t = api.post("/api/v1/tenants", api.json().createObjectNode()
                    .put("name", name == null ? domain : name).put("domain", domain));
            if (json) {
                printJson(api, t);
            } else {
                out().println("tenant " + t.get("domain").asText() + " added (id " + t.get("id").asText() + ")");
            }
        }
    }
}
