package com.crosspoint.boot;

import com.crosspoint.api.TurnAccess;
import com.crosspoint.api.dto.TurnCredentialsDto;
import com.crosspoint.api.dto.TurnStatusDto;
import com.crosspoint.model.User;
import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.NonceService;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import com.crosspoint.relay.server.RelayServer;
import com.crosspoint.relay.server.RelaySettings;
import com.crosspoint.relay.server.SipPortStun;
import com.crosspoint.relay.turn.Cidr;
import com.crosspoint.relay.turn.DirectoryCredentials;
import com.crosspoint.relay.turn.PeerPolicy;
import com.crosspoint.relay.turn.RestCredentials;
import com.crosspoint.relay.turn.TurnAuthenticator;
import com.crosspoint.relay.turn.TurnNonces;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the STUN/TURN parts from the configuration (kept out of {@link Appliance}, which only orders them): the
 * credentials (the directory's devices, and ephemeral ones), the peer policy with every address of this node, the
 * realm, and the server's settings.
 */
final class RelayWiring {
    private final CrosspointConfig config;
    private final Clock clock;
    private final RestCredentials ephemeral;
    private volatile SipPortStun sipPortStun;

    RelayWiring(CrosspointConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        byte[] secret = config.turn().restSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.ephemeral = new RestCredentials(secret, Duration.ofSeconds(config.turn().restTtlSeconds()), clock);
    }

    /** Starts answering STUN Binding on the SIP UDP port, now that its number is known. */
    void sipPortOpened(int sipPort) {
        sipPortStun = new SipPortStun(config.turn().software(),
                new InetSocketAddress(address(config.network().advertisedAddress(), bind()), sipPort),
                config.turn().requestsPerSecondPerSource(), clock::millis);
    }

    /** The SIP edge's {@code StunTap}: nothing is answered in the moment between the port's opening and the above. */
    void answerOnSipPort(byte[] data, int offset, int length, InetSocketAddress source, Consumer<byte[]> reply) {
        SipPortStun stun = sipPortStun;
        if (stun != null) {
            stun.accept(data, offset, length, source, reply);
        }
    }

    /**
     * What the API asks of TURN: ephemeral credentials with the server's URIs (/api/v1/me/turn-credentials) and its
     * counters (/api/v1/turn); both empty without a server.
     */
    TurnAccess access(Directory directory, Supplier<RelayServer> relay) {
        DirectoryCredentials identities = new DirectoryCredentials(directory, ephemeral);
        return new TurnAccess() {
            @Override
            public Optional<TurnCredentialsDto> issue(User user) {
                return Optional.ofNullable(relay.get()).map(server -> {
                    RestCredentials.Issued issued = ephemeral.issue(identities.identity(user));
                    String hostPort = config.network().advertisedAddress() + ":" + server.port();
                    return new TurnCredentialsDto(issued.username(), issued.password(), issued.ttl().toSeconds(),
                            List.of("stun:" + hostPort, "turn:" + hostPort + "?transport=udp",
                                    "turn:" + hostPort + "?transport=tcp"));
                });
            }

            @Override
            public Optional<TurnStatusDto> status() {
                return Optional.ofNullable(relay.get()).map(server -> {
                    var c = server.counters();
                    var table = server.turn().allocations();
                    SipPortStun sipStun = sipPortStun;
                    return new TurnStatusDto(table.size(), table.countsByTenant(), server.openConnections(),
                            c.bindings(), c.malformed(), c.notStun(), c.badFingerprint(), c.connectionsRefused(),
                            c.outputDropped(), server.turn().droppedPackets(),
                            server.requestsRefused() + (sipStun == null ? 0 : sipStun.refused()));
                });
            }
        };
    }

    RelayServer start(Directory directory, AuthFailureThrottle sources, AccountFailureBudget accounts,
                      ExecutorService io, ScheduledExecutorService timers) {
        var turn = config.turn();
        NonceService nonces = NonceService.withRandomSecret(Duration.ofSeconds(turn.lifetimes().nonce()),
                NonceService.DEFAULT_MAX_TRACKED_NONCES, clock);
        TurnAuthenticator auth = new TurnAuthenticator(new DirectoryCredentials(directory, ephemeral),
                () -> turn.realm().or(() -> directory.defaultTenant().map(Tenant::domain)), new TurnNonces(nonces),
                sources, accounts);
        InetAddress advertised = address(config.network().advertisedAddress(), bind());
        InetAddress relayed = config.nat().externalAddress().map(ip -> address(ip, advertised)).orElse(advertised);
        PeerPolicy policy = new PeerPolicy(turn.allowedPeers().stream().map(Cidr::parse).toList(),
                ownAddresses(advertised, relayed));
        return RelayServer.start(new RelaySettings(turn, config.nat(), bind(), advertised, relayed, policy, auth, clock),
                io, timers);
    }

    private InetAddress bind() {
        return address(config.network().bind(), null);
    }

    private Set<InetAddress> ownAddresses(InetAddress advertised, InetAddress relayed) {
        Set<InetAddress> own = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                own.addAll(Collections.list(ni.getInetAddresses()).stream()
                        .map(RelayWiring::withoutScope).toList());
            }
        } catch (SocketException e) {
            // Without the interface list, the configured addresses below still count as ours.
        }
        own.add(advertised);
        own.add(relayed);
        config.nat().secondaryAddress().map(ip -> address(ip, advertised)).ifPresent(own::add);
        InetAddress bind = bind();
        if (!bind.isAnyLocalAddress()) {
            own.add(bind);
        }
        return own;
    }

    private static InetAddress withoutScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            return a;
        }
    }

    /** An IP literal or host name from the configuration; {@code fallback} when it does not resolve. */
    private static InetAddress address(String text, InetAddress fallback) {
        try {
            InetAddress a = InetAddress.getByName(text);
            return a.isAnyLocalAddress() && fallback != null ? fallback : a;
        } catch (UnknownHostException e) {
            if (fallback == null) {
                throw new IllegalStateException("not an address: " + text, e);
            }
            return fallback;
        }
    }

}
