package com.crosspoint.billing;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.store.BillingAccountStore;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.LedgerTotals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks that the books balance exactly (to the micro-unit, so to the cent): every account's balance is its ledger's
 * sum, its reserved money its open reservations' sum, and every rated CDR's price is what the ledger charged for it.
 */
public final class LedgerAudit {
    private final BillingAccountStore accounts;
    private final LedgerStore ledger;

    public LedgerAudit(BillingAccountStore accounts, LedgerStore ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    public LedgerTotals check(long tenantId) {
        return ledger.totals(tenantId);
    }

    /** Every account's figures that do not balance, by tenant; empty when all do. */
    public Map<Long, LedgerTotals> unbalanced() {
        Map<Long, LedgerTotals> wrong = new LinkedHashMap<>();
        for (BillingAccount account : accounts.list()) {
            LedgerTotals totals = ledger.totals(account.tenantId());
            if (!totals.balanced()) {
                wrong.put(account.tenantId(), totals);
            }
        }
        return wrong;
    }
}
