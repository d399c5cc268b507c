package com.crosspoint.sip;

import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIONS health checks of the trunk servers (call routers, gateways), {@code trunk.probeSeconds} apart. Any
 * final answer but 503 shows the server is there (405 or 404 too: it parsed our request); a 503 or no answer
 * (the transaction times out) counts as a failure in {@link Trunks}, where enough of them in a row mark the
 * server down until a check or a call succeeds again. A server whose last check is unanswered is not checked
 * again before that one times out.
 */
public final class TrunkProbes {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkProbes.class);

    private final SipMessages messages;
    private final Trunks trunks;
    private final Set<TrunkTarget> pending = ConcurrentHashMap.newKeySet();

    public TrunkProbes(SipMessages messages, Trunks trunks) {
        this.messages = messages;
        this.trunks = trunks;
    }

    /** Checks every server not being checked already; run every {@code trunk.probeSeconds} on a timer. */
    public void tick() {
        for (TrunkTarget server : trunks.servers()) {
            if (pending.add(server)) {
                probe(server);
            }
        }
    }

    private void probe(TrunkTarget server) {
        try {
            String transport = server.transport().toUpperCase(Locale.ROOT);
            var uri = messages.addresses().createURI("sip:" + server);
            var ours = messages.addresses().createAddress(messages.addresses().createSipURI("probe", messages.host()));
            Request rq = messages.factory().createRequest(uri, Request.OPTIONS, messages.newCallId(),
                    messages.headers().createCSeqHeader(1L, Request.OPTIONS),
                    messages.headers().createFromHeader(ours, messages.newTag()),
                    messages.headers().createToHeader(messages.addresses().createAddress(uri), null),
                    List.of(messages.via(transport)), messages.headers().createMaxForwardsHeader(70));
            ClientTransaction ct = messages.provider().getNewClientTransaction(rq);
            ct.setApplicationData(new Answer(server));
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.info("health check of trunk server {} not sent: {}", server, e.getMessage());
            result(server, false);
        }
    }

    private void result(TrunkTarget server, boolean up) {
        pending.remove(server);
        boolean was = trunks.isUp(server);
        if (up) {
            trunks.succeeded(server);
        } else {
            trunks.failed(server);
        }
        if (was != trunks.isUp(server)) {
            LOG.warn("trunk server {} is {}", server, up ? "up again" : "down: calls try it last");
        }
    }

    private final class Answer implements ResponseListener {
        private final TrunkTarget server;

        Answer(TrunkTarget server) {
            this.server = server;
        }

        @Override
        public void onResponse(ResponseEvent event) {
            int status = event.getResponse().getStatusCode();
            if (status >= 200) {
                result(server, status != Response.SERVICE_UNAVAILABLE);
            }
        }

        @Override
        public void onTimeout() {
            result(server, false);
        }
    }
}
