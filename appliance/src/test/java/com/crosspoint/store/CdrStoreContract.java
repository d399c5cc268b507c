package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.CdrStore.CdrFilter;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link CdrStore} shows. {@code party} matches caller or callee exactly;
 * {@code from} is inclusive and {@code to} exclusive.
 */
public interface CdrStoreContract {
    Stores stores();

    private CdrStore cdrs() {
        return stores().cdrs();
    }

    private CallRecord save(Tenant tenant, String caller, String callee, long secondsAfterT0, Disposition d) {
        return cdrs().save(StoreFixtures.call(tenant, caller, callee, T0.plusSeconds(secondsAfterT0), d));
    }

    @Test
    default void savedRecordGetsAnIdAndKeepsEveryField() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord answered = new CallRecord(0, tenant.id(), "a84b4c76e66710@pc33.atlanta.com", "100",
                "sip:+15551234567@carrier.example.net", T0, T0.plusMillis(4321), T0.plusSeconds(100),
                Disposition.ANSWERED, HangupParty.CALLEE, 200);
        CallRecord failed = new CallRecord(0, tenant.id(), "x@y", "100", "200", T0.plusSeconds(1), null, null,
                Disposition.FAILED, null, 503);

        CallRecord savedAnswered = cdrs().save(answered);
        CallRecord savedFailed = cdrs().save(failed);

        assertThat(savedAnswered.id()).isPositive();
        assertThat(savedAnswered).usingRecursiveComparison().ignoringFields("id").isEqualTo(answered);
        assertThat(savedFailed).usingRecursiveComparison().ignoringFields("id").isEqualTo(failed);
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 0, 10)).containsExactly(savedFailed, savedAnswered);
    }

    @Test
    default void qualityOfAnAnchoredCallIsKeptToTwoDecimals() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord withRtt = new CallRecord(0, tenant.id(), "q1@test", "100", "*98", T0, T0.plusSeconds(1),
                T0.plusSeconds(9), Disposition.VOICEMAIL, HangupParty.CALLER, 200,
                new CallQualitySummary(3.987, 5.026, 1.234, 42.5));
        CallRecord withoutRtt = new CallRecord(0, tenant.id(), "q2@test", "100", "*98", T0.plusSeconds(1),
                T0.plusSeconds(2), T0.plusSeconds(9), Disposition.VOICEMAIL, HangupParty.CALLER, 200,
                CallQualitySummary.rounded(4.41, 0, 0.5, null));

        CallRecord savedWithRtt = cdrs().save(withRtt);
        CallRecord savedWithoutRtt = cdrs().save(withoutRtt);

        assertThat(savedWithRtt.quality()).isEqualTo(new CallQualitySummary(3.99, 5.03, 1.23, 42.5));
        assertThat(savedWithoutRtt.quality()).isEqualTo(new CallQualitySummary(4.41, 0, 0.5, null));
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 0, 10)).containsExactly(savedWithoutRtt, savedWithRtt);
    }

    @Test
    default void aSearchForAPartyFindsTheCallsTheyAnsweredForAnotherNumber() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord throughTheMenu = cdrs().save(new CallRecord(0, tenant.id(), "m1@test", "100", "700", T0,
                T0.plusSeconds(5), T0.plusSeconds(60), Disposition.ANSWERED, HangupParty.CALLER, 200, null, "300"));
        save(tenant, "100", "200", 10, Disposition.ANSWERED);

        assertThat(throughTheMenu.answeredBy()).isEqualTo("300");
        CdrFilter forTheAnswerer = new CdrFilter("300", null, null, null);
        assertThat(cdrs().search(tenant.id(), forTheAnswerer, 0, 10)).containsExactly(throughTheMenu);
        assertThat(cdrs().count(tenant.id(), forTheAnswerer)).isEqualTo(1);
        assertThat(cdrs().search(tenant.id(), new CdrFilter("700", null, null, null), 0, 10))
                .containsExactly(throughTheMenu);
    }

    @Test
    default void searchIsNewestFirstWithinTheTenant() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord older = save(tenant, "100", "200", 10, Disposition.ANSWERED);
        CallRecord newer = save(tenant, "100", "200", 20, Disposition.ANSWERED);
        CallRecord sameTimeLater = save(tenant, "100", "200", 20, Disposition.BUSY);
        save(StoreFixtures.tenant(stores()), "100", "200", 15, Disposition.ANSWERED);

        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 0, 10)).containsExactly(sameTimeLater, newer, older);
        assertThat(cdrs().count(tenant.id(), CdrFilter.any())).isEqualTo(3);
    }

    @Test
    default void partyMatchesCallerOrCallee() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord out = save(tenant, "100", "200", 1, Disposition.ANSWERED);
        CallRecord in = save(tenant, "300", "100", 2, Disposition.NO_ANSWER);
        save(tenant, "200", "300", 3, Disposition.ANSWERED);
        save(tenant, "1000", "2000", 4, Disposition.ANSWERED);
        CdrFilter party = new CdrFilter("100", null, null, null);

        assertThat(cdrs().search(tenant.id(), party, 0, 10)).containsExactly(in, out);
        assertThat(cdrs().count(tenant.id(), party)).isEqualTo(2);
    }

    @Test
    default void dispositionAndTimeRangeFilter() {
        Tenant tenant = StoreFixtures.tenant(stores());
        save(tenant, "100", "200", 9, Disposition.BUSY);
        CallRecord atFrom = save(tenant, "100", "200", 10, Disposition.BUSY);
        save(tenant, "100", "200", 15, Disposition.ANSWERED);
        CallRecord inside = save(tenant, "100", "200", 19, Disposition.BUSY);
        save(tenant, "100", "200", 20, Disposition.BUSY);
        CdrFilter busyInRange = new CdrFilter(null, Disposition.BUSY, T0.plusSeconds(10), T0.plusSeconds(20));

        assertThat(cdrs().search(tenant.id(), busyInRange, 0, 10)).containsExactly(inside, atFrom);
        assertThat(cdrs().count(tenant.id(), busyInRange)).isEqualTo(2);
        assertThat(cdrs().count(tenant.id(), new CdrFilter(null, Disposition.ANSWERED, null, null))).isEqualTo(1);
        assertThat(cdrs().count(tenant.id(), new CdrFilter(null, null, T0.plusSeconds(15), null))).isEqualTo(3);
        assertThat(cdrs().count(tenant.id(), new CdrFilter(null, null, null, T0.plusSeconds(15)))).isEqualTo(2);
        assertThat(cdrs().count(tenant.id(), new CdrFilter("100", Disposition.CANCELLED, null, null))).isZero();
    }

    @Test
    default void searchPagesAndCountIgnoresPaging() {
        Tenant tenant = StoreFixtures.tenant(stores());
        CallRecord c1 = save(tenant, "100", "200", 1, Disposition.ANSWERED);
        CallRecord c2 = save(tenant, "100", "200", 2, Disposition.ANSWERED);
        CallRecord c3 = save(tenant, "100", "200", 3, Disposition.ANSWERED);
        CallRecord c4 = save(tenant, "100", "200", 4, Disposition.ANSWERED);
        CallRecord c5 = save(tenant, "100", "200", 5, Disposition.ANSWERED);

        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 0, 2)).containsExactly(c5, c4);
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 2, 2)).containsExactly(c3, c2);
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 4, 2)).containsExactly(c1);
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 5, 2)).isEmpty();
        assertThat(cdrs().search(tenant.id(), CdrFilter.any(), 0, 0)).isEmpty();
        assertThat(cdrs().count(tenant.id(), CdrFilter.any())).isEqualTo(5);
        assertThatThrownBy(() -> cdrs().search(tenant.id(), CdrFilter.any(), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
