package com.crosspoint.sip;

import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * server down until a check or a call succeeds again. A check unanswered for the response timeout has failed, as
 * a silent call has; the server is checked again at the next tick.
 */
public final class TrunkProbes {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkProbes.class);

    private final SipMessages messages;
    private final Trunks trunks;
    private final long silenceNanos;
    /** The check each server owes an answer to, by when it was sent (a late answer to an older one is ignored). */
    private final Map<TrunkTarget, Long> pending = new ConcurrentHashMap<>();

    /** @param silence how long a check may go unanswered before it counts as failed (as a silent call does) */
    public TrunkProbes(SipMessages messages, Trunks trunks, Duration silence) {
        this.messages = messages;
        this.trunks = trunks;
        this.silenceNanos = silence.toNanos();
    }

    /**
     * Checks every server not being checked already, and fails the checks unanswered for longer than the silence
     * (not only when the transaction gives up, 32 s later); run every {@code trunk.probeSeconds} on a timer.
     */
    public void tick() {
        long now = System.nanoTime();
        for (TrunkTarget server : trunks.servers()) {
            Long sent = pending.get(server);
            if (sent != null && now - sent > silenceNanos) {
                result(server, sent, false);
                sent = null;
            }
            if (sent == null && pending.putIfAbsent(server, now) == null) {
                probe(server, now);
            }
        }
    }

    private void probe(TrunkTarget server, long sent) {
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
            ct.setApplicationData(new Answer(server, sent));
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.info("health check of trunk server {} not sent: {}", server, e.getMessage());
            result(server, sent, false);
        }
    }

    private void result(TrunkTarget server, long sent, boolean up) {
        if (!pending.remove(server, sent)) {
            return; // an answer to a check already counted as failed
        }
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
        private final long sent;

        Answer(TrunkTarget server, long sent) {
            this.server = server;
            this.sent = sent;
        }

        @Override
        public void onResponse(ResponseEvent event) {
            int status = event.getResponse().getStatusCode();
            if (status >= 200) {
                result(server, sent, status != Response.SERVICE_UNAVAILABLE);
            }
        }

        @Override
        public void onTimeout() {
            result(server, sent, false);
        }
    }
}
