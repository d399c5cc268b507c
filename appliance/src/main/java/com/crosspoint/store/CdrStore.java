package com.crosspoint.store;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import java.time.Instant;
import java.util.List;

public interface CdrStore {
    /** Commits the record before returning; the returned copy carries its id. */
    CallRecord save(CallRecord record);

    /** Records of a tenant matching the filter, newest first. */
    List<CallRecord> search(long tenantId, CdrFilter filter, int offset, int limit);

    long count(long tenantId, CdrFilter filter);

    /**
     * Every field is optional (null = any). {@code party} matches the caller, the number dialled or who answered.
     */
    record CdrFilter(String party, Disposition disposition, Instant from, Instant to) {
        public static CdrFilter any() {
            return new CdrFilter(null, null, null, null);
        }
    }
}
