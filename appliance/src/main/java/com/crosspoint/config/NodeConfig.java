package com.crosspoint.config;

/** @param name this node's name in logs and status output ({@code node.name}) */
public record NodeConfig(String name) {
}
