package com.crosspoint.api;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.RatedCall;
import com.crosspoint.store.LedgerStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ratings of a list of CDRs, by CDR id, fetched in batches: a page or an export costs a query per 500 rows. */
final class CdrRatings {
    private CdrRatings() {
    }

    static Map<Long, RatedCall> of(LedgerStore ledger, List<CallRecord> records) {
        Map<Long, RatedCall> byCdr = new HashMap<>();
        for (int from = 0; from < records.size(); from += LedgerStore.MAX_IDS) {
            List<Long> ids = records.subList(from, Math.min(records.size(), from + LedgerStore.MAX_IDS)).stream()
                    .map(CallRecord::id).toList();
            for (RatedCall r : ledger.ratingsOf(ids)) {
                byCdr.put(r.call().cdrId(), r);
            }
        }
        return byCdr;
    }
}
