package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint device password SIP_USERNAME}: gives a device a new SIP password. */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = {"Give a device (by SIP username) a new SIP password; the phone must be set up again.",
            "Without --password one is generated and printed once."})
final class DevicePasswordCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "SIP_USERNAME")
    String sipUsername;

    @Option(names = "--password", paramLabel = "SIP_PASSWORD",
            description = "8 to 128 characters (default: generated).")
    String sipPassword;

    @Override
    protected void run(ApiClient api) {
        long tenant = tenantId(api);
        JsonNode device = deviceBySipUsername(api, tenant, sipUsername);
        ObjectNode body = api.json().createObjectNode();
        if (sipPassword != null) {
            body.put("password", sipPassword);
        }
        JsonNode credentials = api.put("/api/v1/tenants/" + tenant + "/devices/" + device.get("id").asText()
                + "/password", body);
        if (json) {
            printJson(api, credentials);
            return;
        }
        out().println("new SIP password for " + sipUsername);
        PhoneSummary.print(out(), credentials, sipPassword == null);
    }
}
