package com.crosspoint.api;

import com.crosspoint.api.dto.ErrorBody;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.DuplicateKeyException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a request into its status and {@code {"error", "field"}} body. Client
 * mistakes name the field as the request spells it (dotted for nested objects); anything
 * unexpected is logged here and answered with a generic 500.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final Duration TRACE_EVERY = Duration.ofMinutes(1);
    private static final int MAX_TRACED_CLASSES = 1000;

    private final Clock clock;
    private final Map<Class<?>, Long> lastTrace = new ConcurrentHashMap<>();

    ErrorMapper(Clock clock) {
        this.clock = clock;
    }

    Reply toReply(Throwable t, String requestLine) {
        if (t instanceof ApiException e) {
            return reply(e.status(), e.getMessage(), e.field());
        }
        if (t instanceof TooManyLogins e) {
            return e.reply();
        }
        if (t instanceof ValidationException e) {
            return reply(400, e.getMessage(), e.field());
        }
        if (t instanceof com.crosspoint.model.InvalidValueException e) {
            return reply(400, e.getMessage(), e.field());
        }
        if (t instanceof NotFoundException e) {
            return reply(404, e.getMessage(), null);
        }
        if (t instanceof DuplicateKeyException e) {
            return reply(409, e.getMessage(), e.field());
        }
        if (t instanceof JsonProcessingException e) {
            return json(e);
        }
        logFailure(t, requestLine);
        return reply(500, "internal error; see the appliance log", null);
    }

    /**
     * One line per failed request; its stack trace only the first time in {@link #TRACE_EVERY} for its
     * exception class, so a client repeating a failing request cannot flood the log.
     */
    private void logFailure(Throwable t, String requestLine) {
        long now = clock.millis();
        Long last = lastTrace.get(t.getClass());
        if ((last == null || now - last >= TRACE_EVERY.toMillis()) && lastTrace.size() < MAX_TRACED_CLASSES) {
            lastTrace.put(t.getClass(), now);
            LOG.error("{} failed: {}", requestLine, t.toString(), t);
        } else {
            LOG.error("{} failed: {} (stack trace at most once a minute per kind)", requestLine, t.toString());
        }
    }

    static Reply reply(int status, String message, String field) {
        return new Reply(status, new ErrorBody(message, field), Map.of());
    }

    private static Reply json(JsonProcessingException e) {
        // A syntax error met while binding a nested value arrives wrapped; the parser knows best where.
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonParseException p) {
            String field = contextPath(p.getProcessor());
            return reply(400, "malformed JSON: " + p.getOriginalMessage() + location(p),
                    field != null ? field : path(m));
        }
        if (e instanceof JsonEOFException eof) {
            return reply(400, "malformed JSON: unexpected end of input", contextPath(eof.getProcessor()));
        }
        if (e instanceof JsonParseException p) {
            return reply(400, "malformed JSON: " + p.getOriginalMessage() + location(p), contextPath(p.getProcessor()));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return reply(400, "unknown property '" + u.getPropertyName() + "'", path(u));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            if (field == null) {
                return reply(400, "the request body must be a JSON object", null);
            }
            Class<?> target = m.getTargetType();
            String expected = target == null ? "another type"
                    : target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                    : typeName(target);
            return reply(400, "wrong type: expected " + expected, field);
        }
        if (e instanceof JsonMappingException m) {
            return reply(400, "invalid value: " + m.getOriginalMessage(), path(m));
        }
        return reply(400, "malformed JSON: " + e.getOriginalMessage(), null);
    }

    private static String typeName(Class<?> c) {
        if (c == String.class) {
            return "a string";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return "an integer";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true or false";
        }
        return "an object of type " + c.getSimpleName();
    }

    private static String location(JsonParseException p) {
        var loc = p.getLocation();
        return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** {@code settings.noAnswerSeconds}, {@code items[2].name}; null when the error is at the top. */
    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Where a syntax error struck, from the parser's nesting; null at the top level. */
    private static String contextPath(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(sb.length() == 0 || p.startsWith("[") ? "" : ".").append(p);
        }
        return sb.toString();
    }
}
