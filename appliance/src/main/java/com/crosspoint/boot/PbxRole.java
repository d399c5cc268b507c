package com.crosspoint.boot;

import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallRecords;
import com.crosspoint.call.ForwardingPolicy;
import com.crosspoint.concurrency.Lanes;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.acd.voice.AgentCodes;
import com.crosspoint.acd.voice.QueueApps;
import com.crosspoint.acd.voice.QueueServices;
import com.crosspoint.conference.ConferenceRooms;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.im.MessageService;
import com.crosspoint.im.MessageTransport;
import com.crosspoint.ivr.AttendantMenus;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.play.MusicOnHold;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.relay.rtp.RelaySettings;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.relay.server.RelayServer;
import com.crosspoint.routing.DialPlan;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.OptionsHandler;
import com.crosspoint.sip.SipDispatcher;
import com.crosspoint.sip.SipServer;
import com.crosspoint.sip.SipSettings;
import com.crosspoint.sip.TenantResolver;
import com.crosspoint.sip.b2bua.B2bua;
import com.crosspoint.sip.b2bua.CallAnchoring;
import com.crosspoint.sip.b2bua.MediaServices;
import com.crosspoint.sip.message.MessageHandler;
import com.crosspoint.sip.message.SipMessageTransport;
import com.crosspoint.sip.mwi.Mwi;
import com.crosspoint.sip.mwi.MwiNotifier;
import com.crosspoint.sip.registrar.RegisterHandler;
import com.crosspoint.voicemail.GreetingKind;
import com.crosspoint.voicemail.VoicemailApps;
import com.crosspoint.voicemail.VoicemailService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBX role ({@code node.roles: pbx}): everything that listens for phones. The media engine and the RTP relay,
 * the SIP stack (JAIN-SIP) with its registrar, B2BUA, MESSAGE and MWI handlers, STUN/TURN, the NAT flows and the
 * trunk health checks. Built in two steps: {@link #start} opens the sockets and call control, {@link #listen} installs
 * the handlers once the message service (which needs this role's transport) exists. Whatever it starts is pushed on
 * the appliance's closers, so it stops in reverse order with the rest.
 */
final class PbxRole {
    private static final Logger LOG = LoggerFactory.getLogger(PbxRole.class);
    private static final int LANE_QUEUE = 10_000;

    /** The node's services the PBX serves phones with (none of them listens on its own). */
    record Services(Directory directory, EventBus events, Registrar registrar, ActiveCalls activeCalls,
                    CallRecords records, VoicemailService voicemail, VoicemailApps voicemailApps,
                    AttendantMenus attendantMenus, ConferenceService conferences, PromptLibrary prompts,
                    AcdService acd) {
    }

    private final CrosspointConfig config;
    private final Clock clock;
    private final Deque<AutoCloseable> closers;
    private final Services services;
    private final MediaAddresses mediaAddresses;
    private MediaEngine media;
    private RtpRelay relay;
    private SipServer sip;
    private RelayServer stunTurn;
    private RelayWiring relayWiring;
    private B2bua b2bua;
    private TenantResolver tenants;
    private DigestGate gate;
    private Lanes workers;
    private OutsideCalling outside;

    private PbxRole(CrosspointConfig config, Clock clock, Deque<AutoCloseable> closers, Services services) {
        this.config = config;
        this.clock = clock;
        this.closers = closers;
        this.services = services;
        this.mediaAddresses = MediaAddresses.of(config.network());
    }

    static PbxRole start(CrosspointConfig config, Clock clock, Deque<AutoCloseable> closers, Services services,
                         OutsideCalling outside, ScheduledExecutorService timers) {
        PbxRole pbx = new PbxRole(config, clock, closers, services);
        pbx.outside = outside;
        pbx.startAll(timers);
        return pbx;
    }

    private void startAll(ScheduledExecutorService timers) {
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
        workers = new Lanes("sip-worker", Math.max(2, Runtime.getRuntime().availableProcessors()), LANE_QUEUE);
        closers.push(workers);

        // STUN Binding on the SIP UDP port (RFC 5626 keepalives), answered before JAIN-SIP sees the datagram.
        relayWiring = new RelayWiring(config, clock);
        sip = SipServer.start(config.node().name(), sipSettings(), relayWiring::answerOnSipPort);
        closers.push(sip);
        tenants = new TenantResolver(services.directory(), new HashSet<>(List.of(config.network().advertisedAddress(),
                config.network().bind())));
        DigestGuards guards = new DigestGuards(config.sip().auth(), clock);
        // STUN/TURN after SIP: it shares the digest's failure throttle and account budget; its I/O threads stop
        // after it.
        relayWiring.sipPortOpened(sip.port());
        if (config.turn().enabled()) {
            ExecutorService relayIo = Executors.newFixedThreadPool(config.turn().ioThreads(), r -> MediaAddresses.daemon(r, "turn-io"));
            closers.push(relayIo::shutdownNow);
            stunTurn = relayWiring.start(services.directory(), guards.throttle(), guards.accounts(), relayIo, timers);
            closers.push(stunTurn);
        }
        gate = guards.gate(sip.messages(), services.directory(), services.events());

        VoicemailApps voicemailApps = services.voicemailApps();
        MusicOnHold music = musicOnHold();
        AcdService acd = services.acd();
        QueueServices queues = new QueueServices(acd.center(), acd.calls(), music::player, clock,
                (tenantId, extension) -> services.directory().userByExtension(tenantId, extension)
                        .map(owner -> voicemailApps.deposit(owner, GreetingKind.UNAVAILABLE, null)),
                acd.callbacks()::keep);
        DialPlan dialPlan = new DialPlan(services.directory(), List.of(voicemailApps, services.attendantMenus(),
                new ConferenceRooms(services.conferences()),
                new AgentCodes(acd.center(), acd.limits().agentChatCapacity())),
                (owner, reason, caller) -> voicemailApps.deposit(owner,
                        reason == ForwardingPolicy.Reason.BUSY ? GreetingKind.BUSY : GreetingKind.UNAVAILABLE, caller),
                outside.dialling(), new QueueApps(queues));
        b2bua = new B2bua(sip.messages(), services.directory(), dialPlan, services.registrar(), callLanes, timers,
                services.activeCalls(), services.records(), clock,
                new MediaServices(media, mediaAddresses.advertised(), services.prompts(),
                        recordingFiles, Recorder.Limits.of(config.media()), music),
                CallAnchoring.through(relay, config.relay().anchor()), outside.trunks(), outside.responseTimeout(),
                outside.billing(), outside.cutOffWarning(), services.events()::publish);
        outside.startProbes(sip.messages(), timers);
        NatFlows.start(config.nat(), sip, services.registrar(), services.events(), timers, clock);
    }

    /** How instant messages reach phones (SIP MESSAGE). */
    MessageTransport messageTransport() {
        return new SipMessageTransport(sip.messages());
    }

    /** Installs the SIP handlers (REGISTER, MESSAGE, OPTIONS, SUBSCRIBE, calls) and starts taking requests. */
    void listen(MessageService messages) {
        Mwi mwi = new Mwi(sip.messages(), tenants, services.directory(), gate, services.registrar(),
                services.voicemail(), workers, clock, config.sip().limits().subscriptionsPerUser());
        services.events().subscribe("mwi", MwiNotifier::concerns, mwi.notifier()::onEvent);
        SipDispatcher dispatcher = new SipDispatcher(sip.messages())
                .on("REGISTER", new RegisterHandler(sip.messages(), tenants, services.directory(), gate,
                        services.registrar(), workers, clock))
                .on("MESSAGE", new MessageHandler(sip.messages(), tenants, services.directory(), gate, messages, workers))
                .on("OPTIONS", new OptionsHandler(sip.messages()))
                .on("SUBSCRIBE", mwi.subscribeHandler());
        b2bua.install(dispatcher, tenants, gate, config.sip().calls().maxCalls(), config.sip().limits(),
                outside.ingress());
        sip.listen(dispatcher);
        services.acd().callbacks().start(b2bua); // stored callbacks back in their queues once calls can be placed
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

    MediaEngine media() {
        return media;
    }

    RtpRelay relay() {
        return relay;
    }

    SipServer sip() {
        return sip;
    }

    /** Null when {@code turn.enabled} is false. */
    RelayServer stunTurn() {
        return stunTurn;
    }

    RelayWiring relayWiring() {
        return relayWiring;
    }

    B2bua b2bua() {
        return b2bua;
    }
}
