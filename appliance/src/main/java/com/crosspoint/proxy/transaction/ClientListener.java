package com.crosspoint.proxy.transaction;

import com.crosspoint.proxy.wire.SipMessage;

/** What a client transaction reports to the proxy logic that owns it; called under the owner's lock. */
public interface ClientListener {
    /** A response to pass on: every 1xx but retransmissions, the first final response, and every 2xx. */
    void onResponse(ClientTransaction transaction, SipMessage response);

    /** Timer B or F: no final response in time (§17.1.1.2, §17.1.2.2); to be treated as a 408. */
    void onTimeout(ClientTransaction transaction);
}
