package com.crosspoint.billing;

/**
 * Why {@link Authoriser} refused a call. The SIP edge maps each to a response in one table (402/403/486/503 and a
 * reason phrase); the events and the API show the name.
 */
public enum Refusal {
    /** The tenant has no billing account. */
    NO_ACCOUNT,
    /** An admin froze the tenant's account. */
    ACCOUNT_FROZEN,
    /** An admin froze the user. */
    USER_FROZEN,
    /** The number matches a blocked pattern of the tenant or the user. */
    DESTINATION_BLOCKED,
    /** The plan has no rate for the number on the day. */
    NO_RATE,
    /** The tenant has its most outside calls at once. */
    TENANT_CALL_LIMIT,
    /** The user has their most outside calls at once. */
    USER_CALL_LIMIT,
    /** Balance (and credit) cannot pay the first increment. */
    INSUFFICIENT_FUNDS,
    /** The tenant's spend in the last hour leaves less than the first increment. */
    TENANT_HOURLY_SPEND,
    /** The tenant's spend in the last 24 hours leaves less than the first increment. */
    TENANT_DAILY_SPEND,
    /** The user's spend in the last hour leaves less than the first increment. */
    USER_HOURLY_SPEND,
    /** The user's spend in the last 24 hours leaves less than the first increment. */
    USER_DAILY_SPEND,
    /** The call was authorised before (a repeated request). */
    DUPLICATE_CALL
}
