package com.crosspoint.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends a {@link Reply} as JSON (or a raw body as it is), completing Jetty's callback when written. */
final class ReplyWriter {
    private static final String JSON = "application/json; charset=utf-8";

    private final ObjectMapper json;

    ReplyWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(Response response, Callback callback, Reply reply) throws JsonProcessingException {
        response.setStatus(reply.status());
        // API answers are per-account and live: never cached by browsers or proxies.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (reply.body() == null) {
            response.write(true, null, callback);
            return;
        }
        if (reply.body() instanceof Reply.RawBody raw) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, raw.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, raw.bytes().length);
            response.write(true, ByteBuffer.wrap(raw.bytes()), callback);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(reply.body());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
