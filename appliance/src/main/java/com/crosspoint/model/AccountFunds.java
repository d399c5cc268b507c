package com.crosspoint.model;

/**
 * An account's money at one moment, in micro-units of its currency: the balance (the ledger's sum) and what open
 * reservations hold of it. What calls may still spend is {@code balance + creditLimit - reserved}.
 */
public record AccountFunds(long tenantId, long balanceMicros, long reservedMicros) {
}
