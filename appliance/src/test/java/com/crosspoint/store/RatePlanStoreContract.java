package com.crosspoint.store;

import static com.crosspoint.store.BillingFixtures.JAN;
import static com.crosspoint.store.BillingFixtures.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.UserBilling;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link RatePlanStore} shows. */
public interface RatePlanStoreContract {
    Stores stores();

    private RatePlanStore plans() {
        return stores().ratePlans();
    }

    @Test
    default void aPlanKeepsEveryFieldAndItsNameIsUniquePerTenant() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        RatePlan plan = plans().createPlan(new RatePlan(0, tenant.id(), "Retail", "CHF", ZoneId.of("Europe/Zurich")));

        assertThat(plans().findPlan(plan.id())).contains(plan);
        assertThat(plans().plans(tenant.id())).containsExactly(plan);
        assertThatThrownBy(() -> plans().createPlan(new RatePlan(0, tenant.id(), "Retail", "EUR", ZoneId.of("UTC"))))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("name"));
        assertThat(plans().createPlan(new RatePlan(0, other.id(), "Retail", "EUR", ZoneId.of("UTC"))).id())
                .isNotEqualTo(plan.id());
    }

    @Test
    default void ratesReadBackWithTheirDatesAndIds() {
        RatePlan plan = BillingFixtures.plan(stores(), StoreFixtures.tenant(stores()), "EUR");
        RetailRate open = new RetailRate(0, 0, "447", "UK mobile", 300_000, 50_000, 20_000, 30, 6, JAN, null);
        RetailRate closed = rate("44", 100_000, JAN, LocalDate.of(2026, 3, 1));

        List<RetailRate> stored = plans().addRates(plan.id(), List.of(open, closed));

        assertThat(stored).allSatisfy(r -> assertThat(r.id()).isPositive())
                .allSatisfy(r -> assertThat(r.planId()).isEqualTo(plan.id()));
        assertThat(plans().rates(plan.id())).containsExactly(stored.get(1), stored.get(0));
    }

    @Test
    default void anOverlappingPeriodIsRefusedWithItsFieldAndNothingIsStored() {
        RatePlan plan = BillingFixtures.plan(stores(), StoreFixtures.tenant(stores()), "EUR");
        plans().addRates(plan.id(), List.of(rate("44", 100_000, JAN, LocalDate.of(2026, 3, 1))));

        assertThatThrownBy(() -> plans().addRates(plan.id(), List.of(rate("33", 1, JAN, null),
                rate("44", 90_000, LocalDate.of(2026, 2, 1), null))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("44")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("effectiveFrom"));
        assertThatThrownBy(() -> plans().replaceRates(plan.id(), List.of(rate("33", 1, JAN, null),
                rate("33", 2, LocalDate.of(2026, 2, 1), null))))
                .isInstanceOf(InvalidValueException.class);

        assertThat(plans().rates(plan.id())).extracting(RetailRate::prefix).containsExactly("44");
    }

    @Test
    default void adjoiningPeriodsAreNoOverlap() {
        RatePlan plan = BillingFixtures.plan(stores(), StoreFixtures.tenant(stores()), "EUR");
        LocalDate march = LocalDate.of(2026, 3, 1);

        plans().addRates(plan.id(), List.of(rate("44", 100_000, JAN, march), rate("44", 90_000, march, null)));

        assertThat(plans().rates(plan.id())).hasSize(2);
    }

    @Test
    default void replacingRatesReplacesThemAll() {
        RatePlan plan = BillingFixtures.plan(stores(), StoreFixtures.tenant(stores()), "EUR");
        plans().addRates(plan.id(), List.of(rate("44", 100_000, JAN, null), rate("33", 1, JAN, null)));

        List<RetailRate> corrected = plans().replaceRates(plan.id(), List.of(rate("44", 90_000, JAN, null)));

        assertThat(plans().rates(plan.id())).isEqualTo(corrected);
        assertThatThrownBy(() -> plans().addRates(-1, List.of(rate("44", 1, JAN, null))))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void aPlanInUseIsNotDeletedAndAnUnusedOneGoesWithItsRates() {
        Tenant tenant = StoreFixtures.tenant(stores());
        long inUse = BillingFixtures.prepaid(stores(), tenant).planId();
        RatePlan staff = BillingFixtures.plan(stores(), tenant, "EUR");
        stores().billingAccounts().putUser(new UserBilling(tenant.id(), StoreFixtures.user(stores(), tenant).id(),
                staff.id(), false, SpendLimits.NONE));
        RatePlan unused = BillingFixtures.plan(stores(), tenant, "EUR");
        plans().addRates(unused.id(), List.of(rate("44", 1, JAN, null)));

        assertThatThrownBy(() -> plans().deletePlan(inUse)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plans().deletePlan(staff.id())).isInstanceOf(IllegalStateException.class);
        assertThat(plans().deletePlan(unused.id())).isTrue();
        assertThat(plans().rates(unused.id())).isEmpty();
        assertThat(plans().deletePlan(unused.id())).isFalse();
    }
}
