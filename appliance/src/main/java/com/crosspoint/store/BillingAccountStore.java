package com.crosspoint.store;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.UserBilling;
import java.util.List;
import java.util.Optional;

/**
 * Billing settings: a tenant's account and its users' overrides. The money of an account (balance, reserved) is
 * not a setting and is changed only through {@link LedgerStore}.
 */
public interface BillingAccountStore {
    /**
     * Opens the tenant's account with a balance of zero.
     *
     * @throws DuplicateKeyException                       (field {@code tenantId}) when the tenant has one
     * @throws com.crosspoint.model.InvalidValueException (field {@code planId}) when the plan is not the tenant's or
     *                                                    not in the account's currency
     */
    BillingAccount create(BillingAccount account);

    Optional<BillingAccount> find(long tenantId);

    List<BillingAccount> list();

    /**
     * Replaces the account's settings (never its money).
     *
     * @throws java.util.NoSuchElementException            when the tenant has no account
     * @throws com.crosspoint.model.InvalidValueException (field {@code planId}) as for {@link #create}
     */
    BillingAccount update(BillingAccount account);

    /**
     * Creates or replaces a user's settings.
     *
     * @throws com.crosspoint.model.InvalidValueException (field {@code planId}) when the plan is not one of the
     *                                                    tenant's in the account's currency
     * @throws java.util.NoSuchElementException            when the tenant has no account
     */
    UserBilling putUser(UserBilling user);

    Optional<UserBilling> findUser(long userId);

    /** Every user's settings, of every tenant. */
    List<UserBilling> users();

    boolean removeUser(long userId);
}
