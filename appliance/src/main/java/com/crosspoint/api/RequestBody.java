package com.crosspoint.api;

/**
 * A request body as the router read it before the endpoint ran: its bytes, up to the route's cap, or
 * only the news that it was larger than {@code cap} (what came beyond the cap was read and thrown away).
 */
record RequestBody(byte[] bytes, int cap, boolean tooLarge) {
}
