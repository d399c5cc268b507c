package com.crosspoint.config;

/**
 * The contact center's keys ({@code acd.*}).
 *
 * @param agentChatCapacity  chats an agent takes at once unless they say otherwise when logging in (0..20)
 * @param maxQueuesPerTenant queues a tenant may have
 * @param maxMembersPerQueue agents a queue may have
 */
public record AcdConfig(int agentChatCapacity, int maxQueuesPerTenant, int maxMembersPerQueue) {
}
