package com.crosspoint.billing;

/**
 * The node's {@link OutsideCallGate}: emergency calls pass unbilled, a tenant without a billing account passes
 * unbilled or is refused as {@code billing.unbilledTenants} says, every other call is the {@link Authoriser}'s.
 */
public final class BillingGate implements OutsideCallGate {
    private final Authoriser authoriser;
    private final Accounts accounts;
    private final UnbilledTenants unbilled;

    public BillingGate(Billing billing, UnbilledTenants unbilled) {
        this.authoriser = billing.authoriser();
        this.accounts = billing.accounts();
        this.unbilled = unbilled;
    }

    @Override
    public Authorisation admit(CallStart start, boolean emergency) {
        if (emergency) {
            return new Authorisation.Unbilled("emergency call");
        }
        // asked first so that a PBX without billing publishes no refusal per call
        if (unbilled == UnbilledTenants.FREE && accounts.account(start.tenantId()).isEmpty()) {
            return new Authorisation.Unbilled("no billing account");
        }
        return authoriser.admit(start); // the call waits for its reservation's commit at the answer, not here
    }

    @Override
    public void carriedBy(String callId, long carrierId) {
        authoriser.carriedBy(callId, carrierId);
    }
}
