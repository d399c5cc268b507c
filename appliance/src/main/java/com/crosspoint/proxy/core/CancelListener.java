package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.ClientListener;
import com.crosspoint.proxy.transaction.ClientTransaction;
import com.crosspoint.proxy.wire.SipMessage;

/** The listener of the proxy's own CANCELs: what becomes of them does not matter, the INVITE's answer does. */
final class CancelListener implements ClientListener {
    static final CancelListener INSTANCE = new CancelListener();

    private CancelListener() {
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipMessage response) {
        // the 200 to our CANCEL: the INVITE's own answer is what matters
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        // a CANCEL nobody answered: the INVITE branch's timers still run
    }
}
