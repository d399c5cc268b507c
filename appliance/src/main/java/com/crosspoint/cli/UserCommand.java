package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint user add|list|remove|web-password}. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Add, list or remove users (extensions), or set a user's web password.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.Remove.class,
            WebPasswordCommand.class})
public final class UserCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user and their first SIP device (SIP username = extension).",
                "The SIP password is printed when it was generated."})
    static final class Add extends ApiCommand {
        @Parameters(index = "0", paramLabel = "EXTENSION", description = "2 to 15 digits.")
        String extension;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name.")
        String name;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Email address.")
        String email;

        @Option(names = "--password", paramLabel = "SIP_PASSWORD",
                description = "SIP password of the device, 8 to 128 characters (default: generated).")
        String sipPassword;

        @Override
        protected void run(ApiClient api) {
            long tenant = tenantId(api);
            String users = "/api/v1/tenants/" + tenant + "/users";
            ObjectNode body = api.json().createObjectNode().put("extension", extension);
            if (name != null) {
                body.put("displayName", name);
            }
            if (email != null) {
                body.put("email", email);
            }
            JsonNode user = api.post(users, body);
            String userPath = users + "/" + user.get("id").asText();
            ObjectNode deviceBody = api.json().createObjectNode();
            if (sipPassword != null) {
                deviceBody.put("password", sipPassword);
            }
            JsonNode device;
            try {
                device = api.post(userPath + "/devices", deviceBody);
            } catch (ApiCallException e) {
                // A user without the device asked for is not what the caller wanted: undo.
                api.delete(userPath);
                throw e;
            }
            if (json) {
                printJson(api, api.json().createObjectNode().<ObjectNode>set("user", user).set("device", device));
                return;
            }
            out().println("user " + extension + " added (id " + user.get("id").asText() + "), SIP username "
                    + device.get("sipUsername").asText());
            PhoneSummary.print(out(), device, sipPassword == null);
            out().println("web sign-in: none yet; give one with: crosspoint user web-password " + extension);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users of the tenant.")
    static final class List extends ApiCommand {
        @Override
        protected void run(ApiClient api) {
            JsonNode users = api.get("/api/v1/tenants/" + tenantId(api) + "/users");
            if (json) {
                printJson(api, users);
                return;
            }
            TextTable t = new TextTable("ID", "EXTENSION", "NAME", "EMAIL", "DND", "FORWARD");
            users.forEach(u -> {
                JsonNode s = u.get("settings");
                t.row(u.get("id").asText(), u.get("extension").asText(), text(u, "displayName"), text(u, "email"),
                        s.get("doNotDisturb").asBoolean() ? "on" : "off", text(s, "forwardAlways"));
            });
            t.print(out());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user with their devices and registrations.")
    static final class Remove extends ApiCommand {
        @Parameters(index = "0", paramLabel = "EXTENSION")
        String extension;

        @Override
        protected void run(ApiClient api) {
            long tenant = tenantId(api);
            JsonNode user = userByExtension(api, tenant, extension);
            api.delete("/api/v1/tenants/" + tenant + "/users/" + user.get("id").asText());
            if (!json) {
                out().println("user " + extension + " removed");
            }
        }
    }
}
