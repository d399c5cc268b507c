package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint user web-password EXTENSION}: sets or resets the password a user signs in to the dashboard. */
@Command(name = "web-password", mixinStandardHelpOptions = true,
        description = {"Set or reset the dashboard (web) password of the user of an extension; their web logins end.",
            "Without --web-password one is generated and printed once."})
final class WebPasswordCommand extends ApiCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Parameters(index = "0", paramLabel = "EXTENSION")
    String extension;

    @Option(names = "--web-password", paramLabel = "PASSWORD",
            description = "8 to 128 characters (default: generated).")
    String webPassword;

    @Override
    protected void run(ApiClient api) {
        long tenant = tenantId(api);
        JsonNode user = userByExtension(api, tenant, extension);
        String password = webPassword != null ? webPassword : generated();
        // PUT replaces the user: send what it has, with the new password.
        ObjectNode body = api.json().createObjectNode().put("extension", user.get("extension").asText())
                .put("displayName", text(user, "displayName")).put("email", text(user, "email"))
                .put("webPassword", password);
        api.put("/api/v1/tenants/" + tenant + "/users/" + user.get("id").asText(), body);
        if (json) {
            printJson(api, api.json().createObjectNode().put("extension", extension)
                    .put("webPassword", webPassword == null ? password : null));
            return;
        }
        out().println("web password of " + extension + " set; their web logins ended");
        if (webPassword == null) {
            out().println("web password: " + password + "   (shown once)");
        }
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
