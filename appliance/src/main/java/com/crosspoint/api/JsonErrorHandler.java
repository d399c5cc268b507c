package com.crosspoint.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself before the router runs (a malformed URI, a bad header) are answered in
 * the API's JSON error format instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ReplyWriter writer;

    JsonErrorHandler(ObjectMapper json) {
        this.writer = new ReplyWriter(json);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        writer.write(response, callback, ErrorMapper.reply(code, text, null));
    }
}
