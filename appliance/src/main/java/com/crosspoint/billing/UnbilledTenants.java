package com.crosspoint.billing;

/** What becomes of the outside calls of a tenant that has no billing account ({@code billing.unbilledTenants}). */
public enum UnbilledTenants {
    /** They go out unbilled and unlimited: a PBX without billing works as it did before billing existed. */
    FREE,
    /** They are refused (403): every tenant that calls out must have an account. */
    REFUSE
}
