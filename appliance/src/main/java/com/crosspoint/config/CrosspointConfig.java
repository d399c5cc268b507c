package com.crosspoint.config;

import com.crosspoint.media.engine.MediaConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one node; built by {@link ConfigLoader}. Each section
 * mirrors a top-level block of {@code config/crosspoint.yaml}; {@code musicOnHold} is the {@code media.musicOnHold}
 * file (checked to be a playable WAV), empty for the DATA_DIR override or the built-in music; {@code nat} and
 * {@code turn} are the STUN/TURN server's.
 */
public record CrosspointConfig(NodeConfig node, DataConfig data, NetworkConfig network, SipConfig sip,
                               MediaConfig media, HttpConfig http, AdminConfig admin, DemoConfig demo,
                               Optional<Path> musicOnHold, NatConfig nat, TurnConfig turn) {

    public CrosspointConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(musicOnHold, "musicOnHold");
        Objects.requireNonNull(nat, "nat");
        Objects.requireNonNull(turn, "turn");
    }
}
