package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson.Res;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** The carrier-edge resources as a test uses them over HTTP: carriers, deck uploads and their imports. */
public final class CarrierEdgeClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpJson http;
    private final String token;

    public CarrierEdgeClient(HttpJson http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Creates a carrier at 127.0.0.1:5070 and returns its id. */
    public long createCarrier(String name) {
        return createCarrier(name, 5070);
    }

    /** Creates a carrier at 127.0.0.1:{@code port} and returns its id. */
    public long createCarrier(String name, int port) {
        Res r = http.post("/api/v1/carriers", token,
                "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + port + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** PUTs a CSV deck (as a stream of unknown length: chunked) and returns the 202's body. */
    public Res upload(long carrierId, Supplier<InputStream> csv, String contentType) {
        HttpRequest rq = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/v1/carriers/" + carrierId
                        + "/rate-deck?source=test.csv"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofInputStream(csv)).build();
        try {
            HttpResponse<String> r = HTTP.send(rq, HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Res upload(long carrierId, String csv) {
        return upload(carrierId, () -> new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv");
    }

    /** Uploads a deck and waits until its import is over; returns the final import status. */
    public JsonNode importDeck(long carrierId, String csv) {
        Res started = upload(carrierId, csv);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        return awaitImport(carrierId);
    }

    public JsonNode awaitImport(long carrierId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = http.get("/api/v1/carriers/" + carrierId + "/rate-deck/import", token).body();
            String state = last[0].path("state").asText();
            return state.equals("DONE") || state.equals("REJECTED") || state.equals("FAILED");
        });
        return last[0];
    }

    public Res explain(String number) {
        return http.get("/api/v1/routes/explain?number=" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8),
                token);
    }
}
