package com.crosspoint.console.client;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.TestAppliance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The client against a real in-process appliance: login, status, hang-up and the event stream over the wire. */
class HttpConsoleApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        base = URI.create("http://127.0.0.1:" + pbx.appliance().httpPort());
        createOperator("olga", "operator-pw-1");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    /** As an administrator would: {@code POST /api/v1/admins} with the SUPERADMIN's token. */
    static long createOperator(String username, String password) throws Exception {
        HttpResponse<String> r = asAdmin(HttpRequest.newBuilder(base.resolve("/api/v1/admins"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\",\"role\":\"OPERATOR\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiJson.mapper().readTree(r.body()).get("id").asLong();
    }

    private static HttpResponse<String> asAdmin(HttpRequest.Builder rq) throws Exception {
        String token = HttpConsoleApi.create(base).login("admin", "admin-secret").get(10, TimeUnit.SECONDS).token();
        return HttpClient.newHttpClient().send(rq.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isNotNull();
        return f.handle((v, t) -> t instanceof CompletionException && t.getCause() != null ? t.getCause() : t).join();
    }

    @Test
    void operatorLogsIn() throws Exception {
        Login login = HttpConsoleApi.create(base).login("olga", "operator-pw-1").get(10, TimeUnit.SECONDS);
        assertThat(login.username()).isEqualTo("olga");
        assertThat(login.role()).isEqualTo("OPERATOR");
        assertThat(login.global()).isTrue();
        assertThat(login.token()).isNotBlank();
    }

    @Test
    void wrongPasswordIsA401WithTheAppliancesMessage() {
        Throwable t = failure(HttpConsoleApi.create(base).login("olga", "not-the-password"));
        assertThat(t).isInstanceOf(ApiException.class);
        assertThat(((ApiException) t).status()).isEqualTo(401);
        assertThat(t.getMessage()).isNotBlank().doesNotStartWith("HTTP ");
    }

    @Test
    void nothingListeningIsUnreachable() {
        int closedPort = FreePorts.udpAndTcp();
        Throwable t = failure(HttpConsoleApi.create(URI.create("http://127.0.0.1:" + closedPort)).login("olga", "x"));
        assertThat(t).isInstanceOf(UnreachableException.class).hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void statusIsReadWhenServedAndEmptyWhileTheApplianceAnswers404() throws Exception {
        HttpConsoleApi api = HttpConsoleApi.create(base);
        String token = api.login("olga", "operator-pw-1").get(10, TimeUnit.SECONDS).token();
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        Optional<ApplianceStatus> status = api.status().get(10, TimeUnit.SECONDS);
        if (raw.statusCode() == 404) {
            assertThat(status).isEmpty();
        } else {
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(status).get().usingRecursiveComparison().ignoringFields("at")
                    .isEqualTo(ApiJson.read(raw.body(), ApplianceStatus.class));
        }
    }

    @Test
    void hangingUpAnUnknownCallIsA404AndTheCallIdIsEncoded() throws Exception {
        HttpConsoleApi api = HttpConsoleApi.create(base);
        api.login("olga", "operator-pw-1").get(10, TimeUnit.SECONDS);
        Throwable t = failure(api.hangUp(pbx.tenant().id(), "no/such call@host%"));
        assertThat(t).isInstanceOf(ApiException.class);
        assertThat(((ApiException) t).status()).isEqualTo(404);
        assertThat(t.getMessage()).contains("no/such call@host%");
    }

    @Test
    void eventStreamNeedsALogin() {
        HttpConsoleApi api = HttpConsoleApi.create(base);
        assertThatThrownBy(() -> api.events(new Recorder())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventStreamStartsWithASnapshotThenDeliversRegistrations() throws Exception {
        HttpConsoleApi api = HttpConsoleApi.create(base);
        api.login("olga", "operator-pw-1").get(10, TimeUnit.SECONDS);
        Recorder recorder = new Recorder();
        EventSubscription sub = api.events(recorder).get(10, TimeUnit.SECONDS);
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").start()) {
            alice.awaitRegistered(WAIT);
            await().atMost(WAIT).until(() -> recorder.events.stream().anyMatch(e -> e.type().equals("registration.added")));
            assertThat(recorder.events.get(0)).isInstanceOf(StreamEvent.Snapshot.class);
            StreamEvent.RegistrationChange added = recorder.events.stream()
                    .filter(e -> e.type().equals("registration.added")).map(StreamEvent.RegistrationChange.class::cast)
                    .findFirst().orElseThrow();
            assertThat(added.registration().extension()).isEqualTo("1001");
            assertThat(added.registration().tenantId()).isEqualTo(pbx.tenant().id());
            assertThat(added.registration().expiresAt()).isAfter(java.time.Instant.now());
        } finally {
            sub.close();
        }
        assertThat(recorder.closes).isEmpty();
    }

    @Test
    void eventStreamWithAnEndedLoginIsRefusedWith401() throws Exception {
        long id = createOperator("temp-operator", "operator-pw-2");
        HttpConsoleApi api = HttpConsoleApi.create(base);
        api.login("temp-operator", "operator-pw-2").get(10, TimeUnit.SECONDS);
        // Deleting the account ends its logins: the token is then as unknown as after an appliance restart.
        assertThat(asAdmin(HttpRequest.newBuilder(base.resolve("/api/v1/admins/" + id)).DELETE()).statusCode()).isEqualTo(204);
        Throwable t = failure(api.events(new Recorder()));
        assertThat(t).isInstanceOf(ApiException.class);
        assertThat(((ApiException) t).status()).isEqualTo(401);
    }

    /** Records what a connection delivers. */
    static class Recorder implements EventStreamListener {
        final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        final List<String> closes = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(StreamEvent event) {
            events.add(event);
        }

        @Override
        public void onClosed(int code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    @Test
    void carrierQualityListsTheCarriersAndOnlyASuperadminTakesOneOutOfService() throws Exception {
        HttpResponse<String> created = asAdmin(HttpRequest.newBuilder(base.resolve("/api/v1/carriers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Wire Voice\",\"host\":\"192.0.2.9\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiJson.mapper().readTree(created.body()).get("id").asLong();
        HttpConsoleApi admin = HttpConsoleApi.create(base);
        admin.login("admin", "admin-secret").get(10, TimeUnit.SECONDS);

        CarrierQuality wire = quality(admin, id);
        assertThat(wire.name()).isEqualTo("Wire Voice");
        assertThat(wire.status()).isEqualTo("IN_SERVICE");
        assertThat(wire.quality().attempts()).isZero();
        assertThat(wire.costPerMinute()).isNull();

        HttpConsoleApi operator = HttpConsoleApi.create(base);
        operator.login("olga", "operator-pw-1").get(10, TimeUnit.SECONDS);
        assertThat(quality(operator, id).inService()).as("a global operator watches the carriers").isTrue();
        assertThat(failure(operator.setCarrierInService(id, false))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));

        admin.setCarrierInService(id, false).get(10, TimeUnit.SECONDS);
        assertThat(quality(admin, id).status()).isEqualTo(CarrierQuality.OUT_OF_SERVICE);
        admin.setCarrierInService(id, true).get(10, TimeUnit.SECONDS);
        assertThat(quality(operator, id).inService()).isTrue();
    }

    private static CarrierQuality quality(HttpConsoleApi api, long carrierId) throws Exception {
        return api.carrierQuality().get(10, TimeUnit.SECONDS).stream().filter(c -> c.carrierId() == carrierId)
                .findFirst().orElseThrow();
    }
}
