package com.crosspoint.call;

import com.crosspoint.model.CallRecord;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the CDR of every call attempt. The write commits before the call's final event is
 * published, so anyone who sees a call end can find its record.
 */
public final class CallRecords {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecords.class);

    private final CdrStore store;
    private final ActiveCalls active;

    public CallRecords(CdrStore store, ActiveCalls active) {
        this.store = store;
        this.active = active;
    }

    /** Commits the record, then publishes the ENDED snapshot. */
    public void finish(CallRecord record, CallSnapshot ended) {
        try {
            store.save(record);
        } catch (StoreException e) {
            LOG.error("CDR of call {} could not be stored: {}", record.callId(), record, e);
        }
        active.update(ended);
    }
}
