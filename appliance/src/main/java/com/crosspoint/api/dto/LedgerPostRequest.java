package com.crosspoint.api.dto;

/** A top-up (positive) or an adjustment (a credit or a debit), as a decimal of the account's currency, and why. */
public record LedgerPostRequest(String amount, String reason) {
}
