package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.billing.Billing;
import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Did;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node running the PBX and its call router with one carrier (a SIPp UAS playing a tone) whose deck costs 0.01 EUR
 * a minute to +1, and the node's tenant billed by a plan selling +1 at 0.60 EUR a minute in 1/1 increments: one
 * second is 0.01 EUR, so a balance of 0.30 EUR is worth 30 s.
 */
public final class BilledCallHarness implements AutoCloseable {
    static final String DID = "+16465550100";
    static final String NUMBER = "+16175551234";
    static final double CARRIER_TONE = 1400;

    /** The node's settings: its own call router, nothing probed, the cut-off warned 5 s ahead. */
    public static final Map<String, String> NODE = Map.of("router.port", "0", "router.probeSeconds", "0",
            "trunk.probeSeconds", "0", "trunk.responseTimeoutSeconds", "2", "billing.cutOffWarningSeconds", "5");

    final TestAppliance node;
    final long carrierId;
    final int carrierPort;
    private final Billing billing;
    private final boolean ownsNode;

    /** Starts a node of its own, closed with the harness. */
    BilledCallHarness() throws Exception {
        this(Map.of());
    }

    /** As {@link #BilledCallHarness()}, with {@code overrides} of {@link #NODE}'s settings. */
    BilledCallHarness(Map<String, String> overrides) throws Exception {
        this(TestAppliance.start(merged(overrides)), true);
    }

    /** On a node started with {@link #NODE} by someone else, who closes it. */
    public BilledCallHarness(TestAppliance node) throws Exception {
        this(node, false);
    }

    private BilledCallHarness(TestAppliance node, boolean ownsNode) throws Exception {
        this.node = node;
        this.ownsNode = ownsNode;
        carrierPort = FreePorts.udpAndTcp();
        HttpJson http = new HttpJson("http://127.0.0.1:" + node.appliance().httpPort());
        String admin = http.login("admin", "admin-secret");
        HttpJson.Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"Tone\",\"host\":\"127.0.0.1\","
                + "\"port\":" + carrierPort + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        carrierId = created.body().get("id").asLong();
        new CarrierEdgeClient(http, admin).importDeck(carrierId, "prefix,rate,effective_from\n1,0.01,2020-01-01\n");
        billing = node.appliance().billing();
    }

    private static Map<String, String> merged(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(NODE);
        all.putAll(overrides);
        return all;
    }

    long tenantId() {
        return node.tenant().id();
    }

    /** Opens the tenant's account on the plan, topped up with {@code balance} EUR. */
    public void account(BillingAccount.Kind kind, String balance, String creditLimit, SpendLimits limits) {
        RatePlan plan = billing.tariffs().createPlan(new RatePlan(0, tenantId(), "Retail", "EUR", ZoneOffset.UTC));
        billing.tariffs().addRates(plan.id(), List.of(new RetailRate(0, plan.id(), "1", "North America", 600_000, 0, 0,
                1, 1, LocalDate.of(2020, 1, 1), null)));
        billing.accounts().open(new BillingAccount(tenantId(), kind, "EUR", plan.id(),
                Money.parse(creditLimit, "EUR").micros(), 0, false, limits));
        if (!balance.equals("0")) {
            billing.accounts().topUp(tenantId(), Money.parse(balance, "EUR"), "admin", "opening balance");
        }
    }

    /** The tenant's DID {@link #DID}, ringing {@code extension}: the caller id its outside calls present. */
    public void did(String extension) {
        node.appliance().stores().dids().create(new Did(0, tenantId(), DID, extension, false));
    }

    /** The call's rating, once rated. */
    public Optional<RatedCall> rating(CallRecord cdr) {
        return node.appliance().stores().ledger().rating(cdr.id());
    }

    Billing billing() {
        return billing;
    }

    AccountFunds funds() {
        return billing.accounts().funds(tenantId());
    }

    /** The CDR of the only call, once stored. */
    public Optional<CallRecord> onlyCdr() {
        List<CallRecord> found = cdrs();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The tenant's CDRs, newest first. */
    List<CallRecord> cdrs() {
        return node.appliance().stores().cdrs().search(tenantId(), CdrStore.CdrFilter.any(), 0, 100);
    }

    /** The carrier: answers calls to {@link #NUMBER} presenting {@link #DID} and plays a tone until each BYE. */
    public SippProcess carrier(String name, Duration timeout) throws Exception {
        return carrier(name, 1, timeout);
    }

    /** As {@link #carrier(String, Duration)}, ending after {@code calls} calls. */
    SippProcess carrier(String name, int calls, Duration timeout) throws Exception {
        return RouterHarness.toneCarrier(name, carrierPort, NUMBER, DID, CARRIER_TONE, calls, timeout);
    }

    @Override
    public void close() {
        if (ownsNode) {
            node.close();
        }
    }
}
