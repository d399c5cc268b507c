package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint device add|list|remove|password}. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Add, list or remove SIP devices, or give one a new SIP password.",
        subcommands = {DeviceCommand.Add.class, DeviceCommand.List.class, DeviceCommand.Remove.class,
            DevicePasswordCommand.class})
public final class DeviceCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a SIP device to the user of an extension.",
                "The SIP password is printed when it was generated."})
    static final class Add extends ApiCommand {
        @Parameters(index = "0", paramLabel = "EXTENSION")
        String extension;

        @Option(names = "--username", paramLabel = "SIP_USERNAME",
                description = "SIP username (default: the extension, or EXTENSION-2, -3 ... when taken).")
        String username;

        @Option(names = "--password", paramLabel = "SIP_PASSWORD",
                description = "SIP password, 8 to 128 characters (default: generated).")
        String sipPassword;

        @Override
        protected void run(ApiClient api) {
            long tenant = tenantId(api);
            JsonNode user = userByExtension(api, tenant, extension);
            ObjectNode body = api.json().createObjectNode();
            if (username != null) {
                body.put("sipUsername", username);
            }
            if (sipPassword != null) {
                body.put("password", sipPassword);
            }
            JsonNode device = api.post("/api/v1/tenants/" + tenant + "/users/" + user.get("id").asText() + "/devices",
                    body);
            if (json) {
                printJson(api, device);
                return;
            }
            out().println("device " + device.get("sipUsername").asText() + " added to " + extension
                    + " (id " + device.get("id").asText() + ")");
            PhoneSummary.print(out(), device, sipPassword == null);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the devices of the tenant, or of one extension.")
    static final class List extends ApiCommand {
        @Parameters(index = "0", paramLabel = "EXTENSION", arity = "0..1")
        String extension;

        @Override
        protected void run(ApiClient api) {
            long tenant = tenantId(api);
            JsonNode devices = extension == null ? api.get("/api/v1/tenants/" + tenant + "/devices")
                    : api.get("/api/v1/tenants/" + tenant + "/users/"
                            + userByExtension(api, tenant, extension).get("id").asText() + "/devices");
            if (json) {
                printJson(api, devices);
                return;
            }
            TextTable t = new TextTable("ID", "SIP USERNAME", "EXTENSION", "CREATED");
            devices.forEach(d -> t.row(d.get("id").asText(), d.get("sipUsername").asText(),
                    text(d, "extension"), d.get("createdAt").asText()));
            t.print(out());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a device (by SIP username) and its registrations.")
    static final class Remove extends ApiCommand {
        @Parameters(index = "0", paramLabel = "SIP_USERNAME")
        String sipUsername;

        @Override
        protected void run(ApiClient api) {
            long tenant = tenantId(api);
            api.delete("/api/v1/tenants/" + tenant + "/devices/" + deviceBySipUsername(api, tenant, sipUsername)
                    .get("id").asText());
            if (!json) {
                out().println("device " + sipUsername + " removed");
            }
        }
    }
}
