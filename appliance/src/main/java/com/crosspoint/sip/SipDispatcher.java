package com.crosspoint.sip;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's single listener: creates the server transaction, runs the sanity checks and passes
 * each request to the handler of its method; passes responses and timeouts to the listener the
 * client transaction carries. Runs on JAIN-SIP threads, so it never blocks.
 */
public final class SipDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);

    private final SipMessages messages;
    private final RequestSanity sanity;
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final TraceBudget traces = new TraceBudget(Duration.ofMinutes(1), System::currentTimeMillis);

    public SipDispatcher(SipMessages messages) {
        this.messages = messages;
        this.sanity = new RequestSanity(messages);
    }

    public SipDispatcher on(String method, RequestHandler handler) {
        handlers.put(method, handler);
        return this;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request rq = event.getRequest();
        String method = rq.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                RequestHandler h = handlers.get(Request.ACK);
                if (h != null) {
                    h.handle(event, null);
                }
                return;
            }
            var problem = sanity.check(rq);
            if (problem.isPresent()) {
                messages.sendStateless(problem.get());
                return;
            }
            if (rq.getHeader(MaxForwardsHeader.NAME) == null) {
                // RFC 2543 clients send none; the stack insists on it, and as the UAS we do not need it.
                rq.setHeader(messages.headers().createMaxForwardsHeader(70));
            }
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                st = messages.provider().getNewServerTransaction(rq);
            }
            RequestHandler h = handlers.get(method);
            if (h == null) {
                int status = SipMessages.ALLOWED.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
                messages.send(st, messages.response(rq, status));
                return;
            }
            h.handle(event, st);
        } catch (TransactionAlreadyExistsException e) {
            // A retransmission the stack did not absorb: the first copy is being handled.
            LOG.trace("retransmitted {}", method);
        } catch (TransactionUnavailableException e) {
            LOG.debug("no transaction for {}: {}", method, e.getMessage());
            messages.sendStateless(messages.response(rq, Response.BAD_REQUEST, "Malformed request"));
        } catch (javax.sip.InvalidArgumentException e) {
            LOG.debug("bad {}: {}", method, e.getMessage());
        } catch (RuntimeException e) {
            // A remote party may be able to repeat this at will: one line each, a stack trace now and then.
            if (traces.spend()) {
                LOG.warn("failed on {} from {}", method, SipMessages.sourceOf(rq), e);
            } else {
                LOG.warn("failed on {} from {}: {}", method, SipMessages.sourceOf(rq), e.toString());
            }
            messages.sendStateless(messages.response(rq, Response.SERVER_INTERNAL_ERROR));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            // 2xx retransmissions after our ACK, and strays: the stack re-sends ACKs by itself.
            return;
        }
        if (ct.getApplicationData() instanceof ResponseListener l) {
            l.onResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            ClientTransaction ct = event.getClientTransaction();
            if (ct != null && ct.getApplicationData() instanceof ResponseListener l) {
                l.onTimeout();
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing held per transaction outside the transaction itself.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Calls track their own end; the stack forgets the dialog, and so does the dialog flow table (its legs forget
        // theirs when they end: this catches a dialog that ended otherwise, e.g. timed out).
        var dialog = event.getDialog();
        if (dialog != null && dialog.getCallId() != null) {
            messages.dialogFlows().forget(dialog.getCallId().getCallId(), dialog.getLocalTag());
        }
    }
}
