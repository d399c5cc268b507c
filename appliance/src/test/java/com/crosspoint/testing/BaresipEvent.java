package com.crosspoint.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event from baresip's ctrl_tcp, e.g.
 * {@code {"event":true,"type":"CALL_ESTABLISHED","class":"call","accountaor":"sip:1001@127.0.0.1",
 * "direction":"outgoing","peeruri":"sip:1002@127.0.0.1","id":"6e60b624a94b94b0","param":"sip:1002@127.0.0.1"}}.
 * Absent fields are null; {@code json} keeps the whole object (e.g. CALL_RTCP's {@code rtcp_stats}).
 */
public record BaresipEvent(String type, String eventClass, String accountAor, String direction, String peerUri,
        String id, String param, JsonNode json) {

    public static BaresipEvent fromJson(JsonNode json) {
        return new BaresipEvent(text(json, "type"), text(json, "class"), text(json, "accountaor"),
                text(json, "direction"), text(json, "peeruri"), text(json, "id"), text(json, "param"), json);
    }

    public boolean isType(String expected) {
        return expected.equals(type);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
