package com.crosspoint.config;

import com.crosspoint.media.engine.MediaConfig;
import java.util.Objects;

/**
 * The validated configuration of one node; built by {@link ConfigLoader}. Each section
 * mirrors a top-level block of {@code config/crosspoint.yaml}.
 */
public record CrosspointConfig(NodeConfig node, DataConfig data, NetworkConfig network, SipConfig sip,
                               MediaConfig media, HttpConfig http, AdminConfig admin, DemoConfig demo) {

    public CrosspointConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(demo, "demo");
    }
}
