package com.crosspoint.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One API request as endpoints see it: typed path and query parameters, the JSON body read with a
 * size cap, and the login. Every bad value becomes a 400 that names the parameter or field.
 */
final class ApiRequest {
    private final Request request;
    private final Map<String, String> pathParams;
    private final LoginSessions.Login login;
    private final ObjectMapper json;
    private final RequestBody body;
    private Fields query;
    private boolean uploadClaimed;

    ApiRequest(Request request, Map<String, String> pathParams, LoginSessions.Login login, ObjectMapper json,
               RequestBody body) {
        this.request = request;
        this.pathParams = pathParams;
        this.login = login;
        this.json = json;
        this.body = body;
    }

    /** The login; only null on public routes. */
    Principal principal() {
        return login == null ? null : login.principal();
    }

    /** The login's token (bearer or cookie); only null on public routes. */
    String token() {
        return login == null ? null : login.token();
    }

    /** The login with its CSRF token and expiry; only null on public routes. */
    LoginSessions.Login login() {
        return login;
    }

    /** Whether the request came over TLS (session cookies then get {@code Secure}). */
    boolean secure() {
        return request.isSecure();
    }

    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A numeric id from the path. */
    long pathId(String name) {
        String v = pathParams.get(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below: the id is not a number
        }
        throw ApiException.badRequest(name, "must be a positive integer");
    }

    Optional<String> query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        String v = query.getValue(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A positive numeric id from the query, or null when absent. */
    Long queryId(String name) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(v.get());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below: not a number
        }
        throw ApiException.badRequest(name, "must be a positive integer");
    }

    int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below: not a number
        }
        throw ApiException.badRequest(name, "must be an integer from " + min + " to " + max);
    }

    /** Instants a store can hold (milliseconds since the epoch must not overflow): years 1 to 9999. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    Instant queryInstant(String name) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(v.get());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 instant such as 2025-01-31T23:59:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw ApiException.badRequest(name, "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return at;
    }

    <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The JSON body as {@code type}; a body is required. */
    <T> T body(Class<T> type) throws IOException {
        byte[] bytes = readBody();
        if (bytes.length == 0) {
            throw ApiException.badRequest(null, "a JSON request body is required");
        }
        return parse(bytes, type);
    }

    /** The JSON body as {@code type}, or {@code absent} when the request has no body. */
    <T> T bodyOr(Class<T> type, Supplier<T> absent) throws IOException {
        byte[] bytes = readBody();
        return bytes.length == 0 ? absent.get() : parse(bytes, type);
    }

    private <T> T parse(byte[] bytes, Class<T> type) throws IOException {
        requireJsonContentType();
        T value = json.readValue(bytes, type);
        if (value == null) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        return value;
    }

    private void requireJsonContentType() {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new ApiException(415, "Content-Type must be application/json", null);
        }
    }

    /**
     * A non-JSON body (an uploaded recording), up to {@code cap} bytes, of one of the media types
     * given (415 otherwise); a body is required.
     */
    byte[] rawBody(int cap, java.util.Set<String> mediaTypes) throws IOException {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaTypes.contains(mime)) {
            throw new ApiException(415, "Content-Type must be one of " + new java.util.TreeSet<>(mediaTypes), null);
        }
        byte[] bytes = readBody(cap);
        if (bytes.length == 0) {
            throw ApiException.badRequest(null, "a request body is required");
        }
        return bytes;
    }

    /**
     * The uploaded file of an upload route, now the caller's to move or delete (the router deletes it otherwise).
     * A body is required.
     */
    java.nio.file.Path claimUpload() throws IOException {
        if (body.tooLarge()) {
            throw new ApiException(413, "request body larger than " + body.cap() + " bytes", null);
        }
        if (body.file() == null || java.nio.file.Files.size(body.file()) == 0) {
            throw ApiException.badRequest(null, "a request body is required");
        }
        uploadClaimed = true;
        return body.file();
    }

    /** Deletes an upload the endpoint did not claim. */
    void deleteUnclaimedUpload() {
        if (body.file() != null && !uploadClaimed) {
            try {
                java.nio.file.Files.deleteIfExists(body.file());
            } catch (IOException e) {
                // left for the next start, which empties the upload folder
            }
        }
    }

    private byte[] readBody() {
        if (body.tooLarge()) {
            throw new ApiException(413, "request body larger than " + body.cap() + " bytes", null);
        }
        return body.bytes();
    }

    /** The body, read by the router up to the route's cap; {@code cap} may only be stricter. */
    private byte[] readBody(int cap) {
        byte[] bytes = readBody();
        if (bytes.length > cap) {
            throw new ApiException(413, "request body larger than " + cap + " bytes", null);
        }
        return bytes;
    }
}
