package com.crosspoint.relay.turn;

/**
 * Who holds an allocation, for quotas and logs: the tenant and user whose credentials authenticated it.
 *
 * @param account {@code user@realm} as the failure budgets and logs name it
 */
public record TurnUser(long tenantId, long userId, String account) {
}
