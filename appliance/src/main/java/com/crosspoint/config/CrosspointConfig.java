package com.crosspoint.config;

import com.crosspoint.media.engine.MediaConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one node; built by {@link ConfigLoader}. Each section
 * mirrors a top-level block of {@code config/crosspoint.yaml} ({@code relay} is the RTP relay's keys of the
 * {@code media:} block); {@code musicOnHold} is the {@code media.musicOnHold} file (checked to be a playable WAV),
 * empty for the DATA_DIR override or the built-in music; {@code turn} is the STUN/TURN server's; {@code trunk} says
 * how calls leave the PBX; {@code router} is the call
 * router's SIP side, {@code gateway} the media gateway's ({@code node.roles} says which roles run); {@code billing}
 * how outside calls are authorised and rated; {@code chat} the visitor web chat's, {@code acd} the contact center's.
 */
public record CrosspointConfig(NodeConfig node, DataConfig data, NetworkConfig network, SipConfig sip,
                               NatConfig nat, MediaConfig media, RelayConfig relay, HttpConfig http,
                               AdminConfig admin, DemoConfig demo, Optional<Path> musicOnHold, TurnConfig turn,
                               TrunkConfig trunk, RouterConfig router,
                               GatewayConfig gateway, BillingConfig billing, ChatConfig chat,
                               AcdConfig acd) {

    public CrosspointConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(nat, "nat");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(musicOnHold, "musicOnHold");
        Objects.requireNonNull(nat, "nat");
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(acd, "acd");
    }
}
