package com.crosspoint.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.List;

/**
 * JSON of the API to records and back. Unknown properties are ignored: the appliance may add fields
 * (an older console must keep working against a newer appliance).
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** One text frame of the event stream. */
    public static StreamEvent frame(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event frame is not JSON: " + e.getOriginalMessage(), e);
        }
        String type = text(node, "type");
        if (type == null) {
            throw new IllegalArgumentException("event frame without type: " + abbreviate(json));
        }
        long seq = node.path("seq").asLong();
        Instant at = node.hasNonNull("at") ? Instant.parse(node.get("at").asText()) : null;
        try {
            if (type.equals("snapshot")) {
                List<Registration> regs = List.of(MAPPER.treeToValue(node.path("registrations"), Registration[].class));
                List<Call> calls = List.of(MAPPER.treeToValue(node.path("calls"), Call[].class));
                return new StreamEvent.Snapshot(type, seq, at, regs, calls);
            }
            if (type.startsWith("registration.")) {
                return new StreamEvent.RegistrationChange(type, seq, at, node.path("tenantId").asLong(),
                        MAPPER.treeToValue(required(node, "registration"), Registration.class));
            }
            if (type.startsWith("call.")) {
                return new StreamEvent.CallChange(type, seq, at, node.path("tenantId").asLong(),
                        MAPPER.treeToValue(required(node, "call"), Call.class));
            }
            if (type.equals("acd.agent")) {
                return new StreamEvent.AcdChange(type, seq, at, node.path("tenantId").asLong(),
                        MAPPER.treeToValue(required(node, "agent"), AcdAgent.class), null);
            }
            if (type.equals("acd.queue")) {
                return new StreamEvent.AcdChange(type, seq, at, node.path("tenantId").asLong(), null,
                        MAPPER.treeToValue(required(node, "queue"), AcdQueueFigures.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad " + type + " frame: " + e.getOriginalMessage(), e);
        }
        return new StreamEvent.Other(type, seq);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(node.path("type").asText() + " frame without " + field);
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
