package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.ClientListener;
import com.crosspoint.proxy.transaction.ClientTransaction;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.Branches;
import com.crosspoint.proxy.wire.SipMessage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends OPTIONS to a next hop from the proxy's own socket (so the answer comes back through the core, matched by
 * its branch like any response) and tells a {@link ProbeListener} whether it answered: the health checks of the call
 * router's carriers. A probe is a non-INVITE client transaction with its own lock; retransmitted over UDP (Timer E)
 * and given up after Timer F.
 */
public final class OptionsProber {
    private final ProxyCore core;

    OptionsProber(ProxyCore core) {
        this.core = core;
    }

    public void probe(Destination to, ProbeListener listener) {
        if (!core.canSend(to)) {
            listener.unanswered();
            return;
        }
        long id = ThreadLocalRandom.current().nextLong();
        String branch = Branches.toString(id, 0);
        LocalEndpoint local = core.local();
        String target = to.address().getAddress().getHostAddress();
        String hostPort = (target.indexOf(':') >= 0 ? "[" + target + "]" : target) + ":" + to.address().getPort();
        String tag = Long.toHexString(id);
        byte[] request = Ascii.bytes("OPTIONS sip:" + hostPort + (to.transport().reliable() ? ";transport=tcp" : "")
                + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + to.transport().name() + " " + local.sentBy(to.transport()) + ";branch=" + branch
                + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:probe@" + local.sentBy(to.transport()) + ">;tag=cx" + tag + "\r\n"
                + "To: <sip:" + hostPort + ">\r\n"
                + "Call-ID: probe-" + tag + "@" + local.host() + "\r\n"
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        Object lock = new Object();
        ClientTransaction tx = new ClientTransaction(lock, branch, false, to, request, core.sender(), core.wheel(),
                core.timers(), new ClientListener() {
                    @Override
                    public void onResponse(ClientTransaction transaction, SipMessage response) {
                        if (response.status() >= 200) {
                            listener.answered(response.status());
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction transaction) {
                        listener.unanswered();
                    }
                }, () -> core.clientTerminated(branch));
        synchronized (lock) {
            core.clientStarted(branch, tx, t -> { // the hop refused the connection: no answer will come
                t.terminate();
                listener.unanswered();
            });
            tx.start();
        }
    }
}
