package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** What a phone needs, printed from a device's credentials answer; the password only when it was generated. */
final class PhoneSummary {
    private PhoneSummary() {
    }

    static void print(PrintWriter out, JsonNode credentials, boolean showPassword) {
        out.println("phone setup: server " + credentials.get("sipServer").asText() + ":"
                + credentials.get("sipPort").asText() + " (UDP or TCP), domain " + credentials.get("domain").asText()
                + ", user name " + credentials.get("sipUsername").asText());
        if (showPassword) {
            out.println("SIP password: " + credentials.get("password").asText() + "   (shown once)");
        }
    }
}
