package com.crosspoint.boot;

import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.ApiServer;
import com.crosspoint.api.ApiServices;
import com.crosspoint.api.ApiSettings;
import com.crosspoint.api.HttpLimits;
import com.crosspoint.api.TurnAccess;
import com.crosspoint.backup.BackupService;
import com.crosspoint.backup.ControlSocket;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallRecords;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.config.HttpLimitsConfig;
import com.crosspoint.config.NodeRole;
import com.crosspoint.demo.DemoCarriers;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.im.MessageService;
import com.crosspoint.ivr.AttendantMenus;
import com.crosspoint.ivr.AttendantService;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.registrar.BindingJournal;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.registrar.RegistrarPolicy;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.relay.server.RelayServer;
import com.crosspoint.sip.b2bua.B2bua;
import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyBackup;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.voicemail.MailboxFiles;
import com.crosspoint.voicemail.VoicemailApps;
import com.crosspoint.voicemail.VoicemailService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service of a node in dependency order, owns every executor,
 * and stops them in reverse order. Nothing else in the code base calls {@code new} on a service.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    private static final int EVENT_QUEUE = 10_000;

    private final Deque<AutoCloseable> closers = new ArrayDeque<>();
    private final CrosspointConfig config;
    private final Clock clock;
    private Stores stores;
    private Directory directory;
    private EventBus events;
    private Registrar registrar;
    private ActiveCalls activeCalls;
    private VoicemailService voicemail;
    private AttendantService attendant;
    private ConferenceService conferences;
    private AcdService acd;
    private MessageService messagesService;
    private ProvisioningService provisioning;
    private ApiServer api;
    private com.crosspoint.api.ChatServices chat;
    private FirstStart.Credentials credentials;
    private CarrierEdge carrierEdge;
    private com.crosspoint.billing.Billing billing;
    private PbxRole pbx;
    private RouterRole router;
    private GatewayRole gateway;
    private DemoCarriers demoCarriers;

    private Appliance(CrosspointConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public static Appliance start(CrosspointConfig config) {
        // The node's zone: "today" in the status figures starts at local midnight.
        return start(config, Clock.systemDefaultZone());
    }

    public static Appliance start(CrosspointConfig config, Clock clock) {
        Appliance a = new Appliance(config, clock);
        try {
            a.startAll();
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(config.data().dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.data().dir(), e);
        }
        stores = DerbyStores.open(config.data().dir());
        closers.push(stores);
        directory = Directory.load(stores);
        events = new EventBus(EVENT_QUEUE);
        closers.push(events);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> MediaAddresses.daemon(r, "timers"));
        closers.push(timers::shutdownNow);
        var reg = config.sip().registrar();
        BindingJournal journal = new BindingJournal(stores.bindings());
        closers.push(journal);
        registrar = new Registrar(journal, events, new RegistrarPolicy(reg.minExpires(), reg.maxExpires(), reg.defaultExpires(),
                config.sip().limits().contactsPerAor()), NatFlows.policy(config.nat(), config.relay().anchor()), clock);
        registrar.restore(stores.bindings());
        timers.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        provisioning = new ProvisioningService(stores, directory, registrar, events, clock);
        credentials = new FirstStart(config, stores, provisioning).ensure();

        // The node's data services: none listens on a socket, so every role's API can serve them.
        activeCalls = new ActiveCalls(events, clock);
        CallRecords records = new CallRecords(stores.cdrs(), activeCalls);
        closers.push(records);
        voicemail = new VoicemailService(stores.voicemails(),
                new MailboxFiles(config.data().dir().resolve("voicemail")), directory, events, clock);
        voicemail.sweepOrphans();
        conferences = new ConferenceService(stores.conferences(), directory, events, clock);
        VoicemailApps voicemailApps = new VoicemailApps(voicemail, directory, clock, java.time.ZoneId.systemDefault());
        PromptLibrary prompts = PromptLibrary.english(config.data().dir());
        attendant = new AttendantService(stores.attendantMenus(), directory, prompts::exists);
        AttendantMenus attendantMenus = new AttendantMenus(attendant, directory, voicemailApps);
        acd = new AcdService(stores.acd(), directory, events, clock, new AcdService.Limits(
                config.acd().agentChatCapacity(), config.acd().maxQueuesPerTenant(), config.acd().maxMembersPerQueue()));
        acd.load();
        events.subscribe("acd-calls", AcdService::concerns, acd::onEvent);
        timers.scheduleWithFixedDelay(acd::tick, 1, 1, TimeUnit.SECONDS);
        carrierEdge = new CarrierEdge(stores, events, clock, config.router());
        closers.push(carrierEdge);
        BillingWiring billingWiring = BillingWiring.start(stores, carrierEdge.router(), events, config.billing(), clock,
                closers);
        billing = billingWiring.billing();

        // The router before the PBX: the PBX's trunk may point at it, and its port is known only once bound.
        if (config.node().runs(NodeRole.ROUTER)) {
            router = new RouterRole(config.router(), config.network(), config.sip().auth(),
                    config.node().runs(NodeRole.PBX),
                    carrierEdge.router(), clock);
            closers.push(router);
        }
        if (config.node().runs(NodeRole.GATEWAY)) {
            gateway = new GatewayRole(config.gateway(), config.network());
            closers.push(gateway);
        }
        if (router != null && credentials.demoTenant() != null && config.demo().carriers()) {
            demoCarriers = DemoCarriers.start(DemoCarriers.sippOnPath(), config.data().dir().resolve("demo-carriers"),
                    carrierEdge.carriers(), carrierEdge.imports()).orElse(null);
            if (demoCarriers != null) {
                closers.push(demoCarriers);
            }
        }
        OutsideCalling outside = null;
        if (config.node().runs(NodeRole.PBX)) {
            outside = new OutsideCalling(LocalRouter.trunk(config, router == null ? 0 : router.port()), stores.dids(),
                    billingWiring.gate(), Duration.ofSeconds(config.billing().cutOffWarningSeconds()));
            pbx = PbxRole.start(config, clock, closers, new PbxRole.Services(directory, events, registrar, activeCalls,
                    records, voicemail, voicemailApps, attendantMenus, conferences, prompts, acd), outside, timers);
            billingWiring.attach(pbx.b2bua().billedCalls());
        }
        messagesService = new MessageService(stores.messages(), registrar, directory,
                pbx == null ? LocalRouter.NO_PHONES : pbx.messageTransport(), events, clock);
        events.subscribe("im-delivery", MessageService::concerns, messagesService::onEvent);
        if (pbx != null) {
            pbx.listen(messagesService);
        }

        com.crosspoint.metrics.ApplianceMetrics metrics = Monitoring.metrics(registrar, activeCalls, events,
                pbx == null ? null : pbx.sip().messages().refusals(), relay(), carrierEdge.router(),
                router, gateway);
        closers.push(metrics);
        chat = ChatWiring.start(config.chat(), config.demo(), stores, directory, acd, events, clock, timers);
        // Last to start, first to stop: the API only serves services that are up.
        api = ApiServer.start(new ApiServices(config.node().name(), () -> pbx == null ? 0 : pbx.sip().port(),
                config.network().advertisedAddress(), stores, directory, provisioning,
                registrar, activeCalls, pbx == null ? callId -> false : pbx.b2bua(), messagesService, voicemail,
                attendant, events, clock, conferences, media(),
                pbx == null ? TurnAccess.NONE : pbx.relayWiring().access(directory, pbx::stunTurn),
                carrierEdge.routing(outside == null ? null : outside.trunks()), metrics::scrape, billing, chat, acd),
                apiSettings(),
                config.http().bind(), config.http().port());
        closers.push(api);
        Path dataDir = config.data().dir();
        closers.push(ControlSocket.listenOrWarn(dataDir, new BackupService(dataDir,
                target -> DerbyBackup.copyTo(dataDir, target), config.node().name(), clock)));
        LOG.info("Crosspoint {} started ({}): {}HTTP {}:{}{}{}", config.node().name(), roles(),
                pbx == null ? "" : "SIP " + config.network().advertisedAddress() + ":" + pbx.sip().port() + ", ",
                config.http().bind(), api.port(), stunTurn() == null ? "" : ", STUN/TURN " + stunTurn().port(),
                router == null ? "" : ", call router " + config.network().advertisedAddress() + ":" + router.port());
    }

    private String roles() {
        return config.node().roles().stream().sorted().map(NodeRole::key).collect(java.util.stream.Collectors.joining(","));
    }

    private ApiSettings apiSettings() {
        HttpLimitsConfig h = config.http().limits();
        return ApiSettings.defaults().withHttp(new HttpLimits(h.maxConnections(), h.maxConnectionsPerSource(),
                Duration.ofSeconds(h.idleTimeoutSeconds()), h.minRequestDataRate(),
                Duration.ofSeconds(h.requestBodyTimeoutSeconds())), h.maxEventStreamsPerLogin())
                .withAccountBudget(new ApiSettings.AccountBudget(config.http().account().failureLimit(),
                        Duration.ofSeconds(config.http().account().windowSeconds()),
                        Duration.ofSeconds(config.http().account().backOffSeconds()),
                        Duration.ofSeconds(config.http().account().maxBackOffSeconds())))
                .withLoginsFile(config.data().dir().resolve("web-logins.json"))
                .withUploadDir(config.data().dir().resolve("uploads"))
                .withMetricsToken(config.http().metricsToken().orElse(null));
    }

    private void sweep() {
        try {
            registrar.sweepExpired();
        } catch (RuntimeException e) {
            LOG.warn("binding sweep failed", e);
        }
    }

    public CrosspointConfig config() {
        return config;
    }

    /** The PBX's SIP port; 0 on a node without the PBX role. */
    public int sipPort() {
        return pbx == null ? 0 : pbx.sip().port();
    }

    /** The call router's SIP port; 0 on a node without the router role. */
    public int routerPort() {
        return router == null ? 0 : router.port();
    }

    /** The media gateway's SIP port; 0 on a node without the gateway role. */
    public int gatewayPort() {
        return gateway == null ? 0 : gateway.port();
    }

    /** The media gateway's proxy (its counters), or null on a node without the gateway role. */
    public com.crosspoint.proxy.Proxy gatewayProxy() {
        return gateway == null ? null : gateway.proxy();
    }

    /** The media gateway's trunk (channels in use, refusals), or null on a node without the gateway role. */
    public com.crosspoint.gateway.TrunkGroup gatewayTrunk() {
        return gateway == null ? null : gateway.trunk();
    }

    /** The billing engine: accounts, plans, authorisation, rating. */
    public com.crosspoint.billing.Billing billing() {
        return billing;
    }

    /** The call router's per-customer calls-per-second limit, or null on a node without the router role. */
    public com.crosspoint.router.CustomerCallLimit routerCustomerLimit() {
        return router == null ? null : router.customerLimit();
    }

    /** The call router's proxy (its counters), or null on a node without the router role. */
    public com.crosspoint.proxy.Proxy routerProxy() {
        return router == null ? null : router.proxy();
    }

    /** The bound HTTP port (differs from the configured one when that is 0). */
    public int httpPort() {
        return api.port();
    }

    public ApiServer api() {
        return api;
    }

    /** The STUN/TURN server, or null when {@code turn.enabled} is false or the node runs no PBX. */
    public RelayServer stunTurn() {
        return pbx == null ? null : pbx.stunTurn();
    }

    public Registrar registrar() {
        return registrar;
    }

    public Directory directory() {
        return directory;
    }

    public ProvisioningService provisioning() {
        return provisioning;
    }

    public ActiveCalls activeCalls() {
        return activeCalls;
    }

    /** The RTP engine (started; stopped on close before its executors). */
    public MediaEngine media() {
        return pbx == null ? null : pbx.media();
    }

    /** The RTP relay anchoring calls (started; stopped on close before its threads). */
    public RtpRelay relay() {
        return pbx == null ? null : pbx.relay();
    }

    /** The Adaptive Call Router: carriers, decks, quality (routed on by the router role). */
    public com.crosspoint.acr.AdaptiveCallRouter callRouter() {
        return carrierEdge.router();
    }

    /** The demo's simulated carriers, or null when none run (no demo, no router, demo.carriers off, no sipp). */
    public DemoCarriers demoCarriers() {
        return demoCarriers;
    }

    /** The B2BUA, or null on a node without the PBX role. */
    public B2bua calls() {
        return pbx == null ? null : pbx.b2bua();
    }

    public VoicemailService voicemail() {
        return voicemail;
    }

    /** Auto-attendant menus. */
    public AttendantService attendant() {
        return attendant;
    }

    /** Conference rooms. */
    public ConferenceService conferences() {
        return conferences;
    }

    /** The contact center: queues, agents, live figures. */
    public AcdService acd() {
        return acd;
    }

    public MessageService messages() {
        return messagesService;
    }

    /** The visitor web chat. */
    public com.crosspoint.chat.ChatService chats() {
        return chat.service();
    }

    public Stores stores() {
        return stores;
    }

    public EventBus events() {
        return events;
    }

    /** Passwords generated at this start (admin on a new data directory, demo users), to print once. */
    public FirstStart.Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        while (!closers.isEmpty()) {
            AutoCloseable c = closers.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", c, e);
            }
        }
    }
}
