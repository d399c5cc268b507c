package com.crosspoint.boot;

import com.crosspoint.api.ApiServer;
import com.crosspoint.api.ApiServices;
import com.crosspoint.api.ApiSettings;
import com.crosspoint.api.HttpLimits;
import com.crosspoint.config.HttpLimitsConfig;
import com.crosspoint.backup.BackupService;
import com.crosspoint.backup.ControlSocket;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallRecords;
import com.crosspoint.call.ForwardingPolicy;
import com.crosspoint.concurrency.Lanes;
import com.crosspoint.conference.ConferenceRooms;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.im.MessageService;
import com.crosspoint.ivr.AttendantMenus;
import com.crosspoint.ivr.AttendantService;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.play.MusicOnHold;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.relay.server.RelayServer;
import com.crosspoint.registrar.BindingJournal;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.registrar.RegistrarPolicy;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.OptionsHandler;
import com.crosspoint.sip.SipDispatcher;
import com.crosspoint.sip.SipServer;
import com.crosspoint.sip.SipSettings;
import com.crosspoint.sip.TenantResolver;
import com.crosspoint.routing.DialPlan;
import com.crosspoint.sip.b2bua.B2bua;
import com.crosspoint.sip.b2bua.CallAnchoring;
import com.crosspoint.sip.b2bua.MediaServices;
import com.crosspoint.sip.message.MessageHandler;
import com.crosspoint.sip.message.SipMessageTransport;
import com.crosspoint.sip.mwi.Mwi;
import com.crosspoint.sip.mwi.MwiNotifier;
import com.crosspoint.relay.rtp.RelaySettings;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyBackup;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.voicemail.MailboxFiles;
import com.crosspoint.voicemail.GreetingKind;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
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
    private static final int LANE_QUEUE = 10_000;

    private final Deque<AutoCloseable> closers = new ArrayDeque<>();
    private final MediaAddresses mediaAddresses;
    private final CrosspointConfig config;
    private final Clock clock;
    private Stores stores;
    private Directory directory;
    private EventBus events;
    private Registrar registrar;
    private ActiveCalls activeCalls;
    private B2bua b2bua;
    private VoicemailService voicemail;
    private AttendantService attendant;
    private ConferenceService conferences;
    private MediaEngine media;
    private RtpRelay relay;
    private MessageService messagesService;
    private ProvisioningService provisioning;
    private SipServer sip;
    private ApiServer api;
    private FirstStart.Credentials credentials;
    private RelayServer stunTurn;
    private CarrierEdge carrierEdge;

    private Appliance(CrosspointConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.mediaAddresses = MediaAddresses.of(config.network());
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

        // Media: one pacing thread for all playback, a few selector threads for all RTP/RTCP reception. Only
        // sockets of open sessions are bound. Recordings are written on their own threads, stopped after the
        // engine (which commits what is being recorded when it closes its sessions).
        ExecutorService recordingFiles = Executors.newFixedThreadPool(2, r -> MediaAddresses.daemon(r, "recording-files"));
        closers.push(recordingFiles::shutdown);
        ScheduledExecutorService mediaPacer = Executors.newSingleThreadScheduledExecutor(r -> MediaAddresses.daemon(r, "media-pacer"));
        closers.push(mediaPacer::shutdownNow);
        ExecutorService mediaReceivers = Executors.newFixedThreadPool(config.media().receiveThreads(),
                r -> MediaAddresses.daemon(r, "media-rx"));
        closers.push(mediaReceivers::shutdownNow);
        media = new MediaEngine(config.media(), mediaAddresses.bind(), clock, mediaPacer, mediaReceivers);
        try {
            media.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the media engine", e);
        }
        closers.push(media);
        relay = startRelay(timers);

        Lanes callLanes = new Lanes("call", config.sip().calls().lanes(), LANE_QUEUE);
        closers.push(callLanes);
        Lanes workers = new Lanes("sip-worker", Math.max(2, Runtime.getRuntime().availableProcessors()), LANE_QUEUE);
        closers.push(workers);

        // STUN Binding on the SIP UDP port (RFC 5626 keepalives), answered before JAIN-SIP sees the datagram.
        RelayWiring relayWiring = new RelayWiring(config, clock);
        sip = SipServer.start(config.node().name(), sipSettings(), relayWiring::answerOnSipPort);
        closers.push(sip);
        var messages = sip.messages();
        TenantResolver tenants = new TenantResolver(directory, new java.util.HashSet<>(java.util.List.of(config.network().advertisedAddress(), config.network().bind())));
        DigestGuards guards = new DigestGuards(config.sip().auth(), clock);
        // STUN/TURN after SIP: it shares the digest's failure throttle and account budget; its I/O threads stop
        // after it.
        relayWiring.sipPortOpened(sip.port());
        if (config.turn().enabled()) {
            ExecutorService relayIo = Executors.newFixedThreadPool(config.turn().ioThreads(), r -> MediaAddresses.daemon(r, "turn-io"));
            closers.push(relayIo::shutdownNow);
            stunTurn = relayWiring.start(directory, guards.throttle(), guards.accounts(), relayIo, timers);
            closers.push(stunTurn);
        }
        DigestGate gate = guards.gate(messages, directory, events);

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
        OutsideCalling outside = new OutsideCalling(config.trunk(), stores.dids());
        DialPlan dialPlan = new DialPlan(directory, List.of(voicemailApps, attendantMenus, new ConferenceRooms(conferences)),
                (owner, reason, caller) -> voicemailApps.deposit(owner,
                        reason == ForwardingPolicy.Reason.BUSY ? GreetingKind.BUSY : GreetingKind.UNAVAILABLE, caller),
                outside.dialling());
        b2bua = new B2bua(messages, directory, dialPlan, registrar, callLanes, timers, activeCalls, records, clock,
                new MediaServices(media, mediaAddresses.advertised(), prompts,
                        recordingFiles, Recorder.Limits.of(config.media()), musicOnHold()),
                CallAnchoring.through(relay, config.relay().anchor()), outside.trunks(), outside.responseTimeout());
        outside.startProbes(messages, timers);
        carrierEdge = new CarrierEdge(stores, events, clock, outside.trunks());
        closers.push(carrierEdge);
        messagesService = new MessageService(stores.messages(), registrar, directory, new SipMessageTransport(messages), events, clock);
        events.subscribe("im-delivery", MessageService::concerns, messagesService::onEvent);
        NatFlows.start(config.nat(), sip, registrar, events, timers, clock);
        Mwi mwi = new Mwi(messages, tenants, directory, gate, registrar, voicemail, workers, clock,
                config.sip().limits().subscriptionsPerUser());
        events.subscribe("mwi", MwiNotifier::concerns, mwi.notifier()::onEvent);

        SipDispatcher dispatcher = new SipDispatcher(messages)
                .on("REGISTER", new com.crosspoint.sip.registrar.RegisterHandler(messages, tenants, directory, gate, registrar, workers, clock))
                .on("MESSAGE", new MessageHandler(messages, tenants, directory, gate, messagesService, workers))
                .on("OPTIONS", new OptionsHandler(messages))
                .on("SUBSCRIBE", mwi.subscribeHandler());
        b2bua.install(dispatcher, tenants, gate, config.sip().calls().maxCalls(), config.sip().limits(),
                outside.ingress());
        sip.listen(dispatcher);

        com.crosspoint.metrics.ApplianceMetrics metrics = Monitoring.metrics(registrar, activeCalls, events,
                sip.messages().refusals(), relay, carrierEdge.router());
        closers.push(metrics);
        // Last to start, first to stop: the API only serves services that are up.
        api = ApiServer.start(new ApiServices(config.node().name(), sip::port,
                config.network().advertisedAddress(), stores, directory, provisioning,
                registrar, activeCalls, b2bua, messagesService, voicemail, attendant, events, clock, conferences, media,
                relayWiring.access(directory, () -> stunTurn), carrierEdge.routing(), metrics::scrape),
                apiSettings(),
                config.http().bind(), config.http().port());
        closers.push(api);
        Path dataDir = config.data().dir();
        closers.push(ControlSocket.listenOrWarn(dataDir, new BackupService(dataDir,
                target -> DerbyBackup.copyTo(dataDir, target), config.node().name(), clock)));
        LOG.info("Crosspoint {} started: SIP {}:{}, HTTP {}:{}{}", config.node().name(),
                config.network().advertisedAddress(), sip.port(), config.http().bind(), api.port(),
                stunTurn == null ? "" : ", STUN/TURN " + stunTurn.port());
    }

    /** The RTP relay that anchors calls: its own forwarding threads, two port pairs of the media range a call. */
    private RtpRelay startRelay(ScheduledExecutorService timers) {
        var r = config.relay();
        ExecutorService loops = Executors.newFixedThreadPool(r.threads(), t -> MediaAddresses.daemon(t, "relay"));
        closers.push(loops::shutdownNow);
        RtpRelay rtpRelay = new RtpRelay(new RelaySettings(mediaAddresses.bind(), mediaAddresses.advertised(), r.threads(),
                Duration.ofSeconds(r.timeoutSeconds()), config.media().relatchPackets(),
                config.media().socketBufferBytes()), media.ports(), clock, timers, loops);
        rtpRelay.start();
        closers.push(rtpRelay);
        return rtpRelay;
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

    /** The music held parties hear; an unusable file stops the start (see media.musicOnHold). */
    private MusicOnHold musicOnHold() {
        try {
            MusicOnHold music = MusicOnHold.load(config.musicOnHold(), config.data().dir());
            LOG.info("Music on hold: {} ({} s)", music.origin(), music.durationMillis() / 1000);
            return music;
        } catch (IOException e) {
            throw new UncheckedIOException("music on hold (media.musicOnHold) unusable: " + e.getMessage(), e);
        }
    }

    private SipSettings sipSettings() {
        var s = config.sip();
        return new SipSettings(config.network().bind(), config.network().advertisedAddress(), s.port(), s.tls().port(),
                s.tls().keystore().orElse(null), s.tls().keystorePassword(), s.tls().keystoreType(),
                s.stackThreads(), s.udpBufferBytes(), s.limits());
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

    public int sipPort() {
        return sip.port();
    }

    /** The bound HTTP port (differs from the configured one when that is 0). */
    public int httpPort() {
        return api.port();
    }

    public ApiServer api() {
        return api;
    }

    /** The STUN/TURN server, or null when {@code turn.enabled} is false. */
    public RelayServer stunTurn() {
        return stunTurn;
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
        return media;
    }

    /** The RTP relay anchoring calls (started; stopped on close before its threads). */
    public RtpRelay relay() {
        return relay;
    }

    /** The Adaptive Call Router: carriers, decks, quality (routing on them comes with the proxy core). */
    public com.crosspoint.acr.AdaptiveCallRouter callRouter() {
        return carrierEdge.router();
    }

    public B2bua calls() {
        return b2bua;
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

    public MessageService messages() {
        return messagesService;
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
