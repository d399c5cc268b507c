package com.crosspoint.api;

import java.nio.file.Path;

/**
 * A request body as the router read it before the endpoint ran: its bytes, up to the route's cap, or only the news
 * that it was larger than {@code cap} (what came beyond the cap was read and thrown away). An upload route's body
 * is not in memory but in {@code file}, a spool file the endpoint claims or the router deletes.
 */
record RequestBody(byte[] bytes, int cap, boolean tooLarge, Path file) {
    static RequestBody inMemory(byte[] bytes, int cap) {
        return new RequestBody(bytes, cap, false, null);
    }

    static RequestBody spooled(Path file, int cap) {
        return new RequestBody(new byte[0], cap, false, file);
    }

    static RequestBody tooLarge(int cap) {
        return new RequestBody(new byte[0], cap, true, null);
    }
}
