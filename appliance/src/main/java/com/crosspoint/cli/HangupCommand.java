package com.crosspoint.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crosspoint hangup CALL-ID}. */
@Command(name = "hangup", mixinStandardHelpOptions = true,
        description = "Hang up a call in progress (its Call-ID as 'calls' shows it).")
public final class HangupCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "CALL_ID")
    String callId;

    @Override
    protected void run(ApiClient api) {
        api.delete("/api/v1/tenants/" + tenantId(api) + "/calls/" + ApiClient.segment(callId));
        if (!json) {
            out().println("hanging up " + callId);
        }
    }
}
