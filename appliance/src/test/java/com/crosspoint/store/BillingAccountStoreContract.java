package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.model.UserBilling;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link BillingAccountStore} shows. */
public interface BillingAccountStoreContract {
    Stores stores();

    private BillingAccountStore accounts() {
        return stores().billingAccounts();
    }

    @Test
    default void anAccountKeepsEverySettingAndStartsWithNoMoney() {
        Tenant tenant = StoreFixtures.tenant(stores());
        RatePlan plan = BillingFixtures.plan(stores(), tenant, "USD");
        BillingAccount account = new BillingAccount(tenant.id(), BillingAccount.Kind.POSTPAID, "USD", plan.id(),
                500_000_000, 50_000_000, false, new SpendLimits(4, 20_000_000, 100_000_000, List.of("881", "1900XXX")));

        accounts().create(account);

        assertThat(accounts().find(tenant.id())).contains(account);
        assertThat(accounts().list()).contains(account);
        assertThat(stores().ledger().funds(tenant.id()).balanceMicros()).isZero();
        assertThatThrownBy(() -> accounts().create(account)).isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("tenantId"));
    }

    @Test
    default void aPlanOfAnotherTenantOrCurrencyIsRefusedByField() {
        Tenant tenant = StoreFixtures.tenant(stores());
        RatePlan dollars = BillingFixtures.plan(stores(), tenant, "USD");
        RatePlan foreign = BillingFixtures.plan(stores(), StoreFixtures.tenant(stores()), "EUR");

        for (long planId : new long[] {dollars.id(), foreign.id()}) {
            assertThatThrownBy(() -> accounts().create(new BillingAccount(tenant.id(), BillingAccount.Kind.PREPAID,
                    "EUR", planId, 0, 0, false, SpendLimits.NONE)))
                    .isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("planId"));
        }
        assertThat(accounts().find(tenant.id())).isEmpty();
    }

    @Test
    default void updateChangesSettingsButNeverTheCurrencyOrTheMoney() {
        Tenant tenant = StoreFixtures.tenant(stores());
        BillingAccount account = BillingFixtures.prepaid(stores(), tenant);
        stores().ledger().post(BillingFixtures.topUp(tenant, 5_000_000));

        BillingAccount frozen = accounts().update(account.withFrozen(true));

        assertThat(accounts().find(tenant.id())).contains(frozen);
        assertThat(stores().ledger().funds(tenant.id()).balanceMicros()).isEqualTo(5_000_000);
        BillingAccount inDollars = new BillingAccount(tenant.id(), BillingAccount.Kind.PREPAID, "USD",
                account.planId(), 0, 0, false, SpendLimits.NONE);
        assertThatThrownBy(() -> accounts().update(inDollars)).isInstanceOf(InvalidValueException.class);
        BillingAccount nobody = new BillingAccount(-5, BillingAccount.Kind.PREPAID, "EUR", account.planId(), 0, 0,
                false, SpendLimits.NONE);
        assertThatThrownBy(() -> accounts().update(nobody)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void usersSettingsArePutReadAndRemoved() {
        Tenant tenant = StoreFixtures.tenant(stores());
        BillingFixtures.prepaid(stores(), tenant);
        User user = StoreFixtures.user(stores(), tenant);
        RatePlan staff = BillingFixtures.plan(stores(), tenant, "EUR");
        UserBilling limited = new UserBilling(tenant.id(), user.id(), null, false,
                new SpendLimits(1, 1_000_000, 0, List.of("44")));
        UserBilling onStaffPlan = new UserBilling(tenant.id(), user.id(), staff.id(), true, SpendLimits.NONE);

        accounts().putUser(limited);
        assertThat(accounts().findUser(user.id())).contains(limited);
        accounts().putUser(onStaffPlan);
        assertThat(accounts().findUser(user.id())).contains(onStaffPlan);
        assertThat(accounts().users()).contains(onStaffPlan).doesNotContain(limited);

        RatePlan dollars = BillingFixtures.plan(stores(), tenant, "USD");
        assertThatThrownBy(() -> accounts().putUser(new UserBilling(tenant.id(), user.id(), dollars.id(), false,
                SpendLimits.NONE))).isInstanceOf(InvalidValueException.class);
        assertThat(accounts().removeUser(user.id())).isTrue();
        assertThat(accounts().findUser(user.id())).isEmpty();
    }
}
