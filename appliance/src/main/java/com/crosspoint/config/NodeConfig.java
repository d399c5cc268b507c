package com.crosspoint.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * @param name  this node's name in logs and status output ({@code node.name})
 * @param roles what this node runs ({@code node.roles}), never empty
 */
public record NodeConfig(String name, Set<NodeRole> roles) {
    public NodeConfig {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a node runs at least one role");
        }
    }

    /** A node running the default roles: the PBX and the router (the gateway only where {@code gateway.dids} are). */
    public NodeConfig(String name) {
        this(name, EnumSet.of(NodeRole.PBX, NodeRole.ROUTER));
    }

    public boolean runs(NodeRole role) {
        return roles.contains(role);
    }
}
