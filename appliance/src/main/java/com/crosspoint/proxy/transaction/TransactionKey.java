package com.crosspoint.proxy.transaction;

import com.crosspoint.proxy.wire.Method;

/**
 * Identifies a server transaction (RFC 3261 §17.2.3): the top Via's branch and sent-by, and the
 * method, with ACK counted as INVITE (the ACK of a non-2xx answer belongs to the INVITE's
 * transaction) and CANCEL as its own. For requests without an RFC 3261 branch the branch is a hash
 * of the RFC 2543 matching fields (see {@code ServerKeys}).
 */
public record TransactionKey(String branch, String sentBy, Method method) {
    public static TransactionKey of(String branch, String sentBy, Method requestMethod) {
        return new TransactionKey(branch, sentBy, requestMethod == Method.ACK ? Method.INVITE : requestMethod);
    }
}
