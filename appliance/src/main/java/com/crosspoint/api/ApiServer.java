package com.crosspoint.api;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.billing.CarrierMargins;
import com.crosspoint.billing.statement.Statements;
import com.crosspoint.trunk.DidService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a node: REST API and event stream on Jetty 12 core. The only class that knows
 * the whole handler tree: context "/" → WebSocket upgrade (event stream) → {@code /api/*}: {@link Router},
 * anything else: {@link StaticAssets}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;
    private static final int MAX_CLIENT_FRAME = 4096;
    private static final int MAX_TRACKED_LOGIN_SOURCES = 10_000;
    /** How often carrier margins are summed from the store at most: the carrier views poll every few seconds. */
    private static final java.time.Duration MARGINS_MAX_AGE = java.time.Duration.ofSeconds(5);

    private final Server server;
    private final ServerConnector connector;
    private final Router router;
    private final EventStream events;
    private final SourceConnectionLimit sourceLimit;
    private final VisitorChatEndpoint chat;

    private ApiServer(ApiServices s, ApiSettings settings, String bind, int port) {
        ObjectMapper json = Json.newMapper();
        LoginSessions logins = new LoginSessions(settings.loginTtl(), s.clock(), settings.loginsFile() == null
                ? LoginJournal.NONE : new FileLoginJournal(settings.loginsFile(), json));
        AuthFailureThrottle throttle = new AuthFailureThrottle(settings.loginFailureLimit(),
                settings.loginFailureWindow(), settings.loginBlock(), MAX_TRACKED_LOGIN_SOURCES, s.clock());
        RegistrationMapper registrations = new RegistrationMapper(s.directory(), s.registrar());
        SecurityCounters counters = new SecurityCounters();
        events = new EventStream(s.events(), logins,
                new EventFrames(s.directory(), s.registrar(), s.activeCalls(), registrations, s.clock()),
                json, settings, counters);
        sourceLimit = new SourceConnectionLimit(settings.http().maxConnectionsPerSource());
        logins.onEnded(events::loginEnded);

        Authenticator authenticator = new Authenticator(logins);
        router = new Router(authenticator, json, settings.maxBodyBytes(), settings.http(), counters,
                uploadDir(settings));
        ApiSettings.AccountBudget b = settings.accountBudget();
        AccountFailureBudget accounts = new AccountFailureBudget(b.failureLimit(), b.window(), b.backOff(),
                b.maxBackOff(), MAX_TRACKED_LOGIN_SOURCES, s.clock());
        PasswordLogins passwords = new PasswordLogins(s.stores().admins(), s.stores().users(), s.directory(), throttle,
                accounts, settings.loginBlock(), s.events()::publish, s.clock());
        UserSettings userSettings = new UserSettings(s.provisioning(), s.directory(), s.attendant(), s.conferences());
        List<RouteGroup> groups = new java.util.ArrayList<>(List.of(
                new HealthHandler(s.nodeName(), s.sipPort(), s.registrar(), s.activeCalls()),
                new AuthHandler(passwords, logins),
                new WebSessionHandler(passwords, logins, s.directory()),
                new MeHandler(s.directory(), s.stores().users(), userSettings, s.registrar(), registrations,
                        s.stores().cdrs(), s.stores().ledger(), passwords, logins),
                new MyMessagesHandler(s.messages(), s.directory(), logins),
                new MyTurnHandler(s.turn(), s.directory(), logins),
                new MyVoicemailHandler(s.voicemail(), s.directory(), logins),
                new AdminsHandler(s.stores().admins(), s.stores().tenants(), logins, passwords),
                new TenantsHandler(s.stores().tenants(), s.provisioning(), logins),
                new UsersHandler(s.stores().users(), s.provisioning(), userSettings, logins),
                new MailboxAdminHandler(s.voicemail(), s.provisioning()),
                new MenusHandler(s.attendant()),
                new DevicesHandler(s.stores().devices(), s.provisioning(), s.directory(),
                        new PhoneSetup(s.sipHost(), s.sipPort())),
                new RegistrationsHandler(s.registrar(), s.directory(), registrations),
                new CallsHandler(s.activeCalls(), s.callControl(), s.directory()),
                new CdrsHandler(s.stores().cdrs(), s.provisioning(), s.stores().ledger()),
                new MessagesHandler(s.messages(), s.provisioning()),
                new StatusHandler(s.directory(), s.registrar(), s.activeCalls(), s.stores().cdrs(), s.clock()),
                new ConferencesHandler(s.conferences(), s.provisioning()),
                new MediaStatusHandler(s.media()),
                new TurnStatusHandler(s.turn()),
                new DidsHandler(new DidService(s.stores().dids(), (tenant, number) ->
                        s.directory().userByExtension(tenant, number).isPresent()
                                || s.attendant().byNumber(tenant, number).isPresent()
                                || s.conferences().byNumber(tenant, number).isPresent()
                                || s.acd() != null && s.acd().center().queueByNumber(tenant, number).isPresent()),
                        s.provisioning()),
                new QueuesHandler(s.acd(), s.provisioning(), s.directory()),
                new QueueMovesHandler(s.acd(), s.provisioning()),
                new AcdHistoryHandler(s.acd(), s.provisioning(), s.directory()),
                new MyAgentHandler(s.acd(), s.directory(), logins),
                new AcdBoardHandler(s.acd(), s.provisioning(), s.clock()),
                new MyQueuesHandler(s.acd(), s.directory(), logins, s.clock()),
                new TrunksHandler(s.routing() == null ? null : s.routing().trunks()),
                new CarriersHandler(s.routing(), s.billing() == null ? null
                        : new CarrierMargins(s.stores().ledger(), s.clock(), MARGINS_MAX_AGE)),
                new RateDecksHandler(s.routing()),
                new RoutesHandler(s.routing(), s.clock()),
                new RouterPolicyHandler(s.routing()),
                new EventsHandler(),
                new ChatsHandler(s.stores().chats(), s.provisioning()),
                new SecurityHandler(counters, sourceLimit::refused)));
        if (s.billing() != null) {
            groups.addAll(List.of(new BillingHandler(s.billing(), s.stores().ledger(), s.provisioning(), s.clock()),
                    new RatePlansHandler(s.billing().tariffs(), s.stores().ratePlans(), s.provisioning()),
                    new StatementsHandler(new Statements(s.stores(), s.clock()), s.provisioning())));
        }
        groups.forEach(g -> g.addRoutes(router));
        if (s.chat() != null) {
            new MyChatsHandler(s.chat().service(), s.stores().chats(), s.directory(), logins).addRoutes(router);
            new LeftMessagesHandler(s.chat().leftMessages(), s.provisioning(), s.directory(), logins).addRoutes(router);
            new ChatHistoryHandler(s.stores().chats(), s.chat().service(), s.acd(), s.provisioning(), s.directory(),
                    s.clock()).addRoutes(router);
        }
        chat = s.chat() == null || !s.chat().enabled() ? null : new VisitorChatEndpoint(s.chat().service(),
                s.chat().leftMessages(), s.chat().sites(), s.directory(), json, s.chat().maxFramesPerSecond(), settings.http().idleTimeout());

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Call-IDs may contain '/' and '%': as path parameters they arrive encoded (%2F, %25).
        http.setUriCompliance(UriCompliance.DEFAULT.with("crosspoint-call-ids",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        HttpLimits limits = settings.http();
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(sourceLimit);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        ContextHandler root = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, root, container -> {
            container.setIdleTimeout(events.idleTimeout());
            container.setMaxTextMessageSize(MAX_CLIENT_FRAME);
            container.addMapping(EventStream.PATH, events.creator());
            if (chat != null) {
                container.addMapping(VisitorChatEndpoint.PATH, chat.creator());
            }
        });
        // /api/** is the API's alone (its own 404s); everything else is a file of the dashboards.
        PathMappingsHandler paths = new PathMappingsHandler();
        paths.addMapping(new ServletPathSpec("/api/*"), router);
        if (s.metrics() != null) {
            paths.addMapping(new ServletPathSpec(MetricsHandler.PATH), new MetricsHandler(s.metrics(),
                    settings.metricsToken(), authenticator, new ReplyWriter(json)));
        }
        paths.addMapping(new ServletPathSpec("/"), new StaticAssets(server));
        ws.setHandler(paths);
        root.setHandler(ws);
        server.setHandler(root);
        server.setErrorHandler(new JsonErrorHandler(json));
    }

    /** The spool folder of uploads, emptied of what a crash left there. */
    private static java.nio.file.Path uploadDir(ApiSettings settings) {
        try {
            java.nio.file.Path dir = settings.uploadDir() != null ? settings.uploadDir()
                    : java.nio.file.Files.createTempDirectory("crosspoint-uploads");
            Router.emptyUploadDir(dir);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare the upload folder", e);
        }
    }

    /** Starts listening on {@code bind:port} (port 0: any free port). */
    public static ApiServer start(ApiServices services, ApiSettings settings, String bind, int port) {
        ApiServer api = new ApiServer(services, settings, bind, port);
        try {
            api.server.start();
            api.events.start(api.server.getScheduler());
        } catch (Exception e) {
            api.close();
            throw new IllegalStateException("HTTP server could not listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("HTTP API listening on {}:{}", bind, api.port());
        return api;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The routes served, for the OpenAPI contract test. */
    public List<RouteKey> routes() {
        return router.routes();
    }

    /** Connections closed at once because their source address had too many open (since start). */
    public long refusedConnections() {
        return sourceLimit.refused();
    }

    /** Visitor chat upgrades refused (no chat for the tenant, origin not allowed, source over its cap), since start. */
    public long refusedChatConnections() {
        return chat == null ? 0 : chat.refused();
    }

    /** Open event-stream connections (for health views and tests). */
    public int eventStreamClients() {
        return events.openSessions();
    }

    @Override
    public void close() {
        events.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly", e);
        }
    }
}
