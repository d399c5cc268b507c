package com.crosspoint.sip.message;

import com.crosspoint.concurrency.Lanes;
import com.crosspoint.directory.Directory;
import com.crosspoint.im.MessageService;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.Overload;
import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE (RFC 3428) from a device to another user of its tenant: authenticated like a call, then
 * stored and delivered. 200 when a device took it at once, 202 when it waits for one.
 */
public final class MessageHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);
    private static final long DELIVERY_WAIT_MS = 2000;
    private static final int MAX_BODY = 64 * 1024;

    private final SipMessages messages;
    private final TenantResolver tenants;
    private final Directory directory;
    private final DigestGate gate;
    private final MessageService service;
    private final Lanes workers;

    public MessageHandler(SipMessages messages, TenantResolver tenants, Directory directory, DigestGate gate,
                          MessageService service, Lanes workers) {
        this.messages = messages;
        this.tenants = tenants;
        this.directory = directory;
        this.gate = gate;
        this.service = service;
        this.workers = workers;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        Request rq = event.getRequest();
        try {
            workers.admit(((SIPRequest) rq).getCallId().getCallId(), () -> receive(rq, st));
        } catch (RejectedExecutionException e) {
            messages.send(st, Overload.response(messages, rq));
        }
    }

    private void receive(Request rq, ServerTransaction st) {
        if (((SIPRequest) rq).getToTag() != null) {
            messages.send(st, messages.response(rq, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        Optional<DigestGate.Sender> sent = gate.authenticateSender(rq, st, tenants, DigestGate.Mode.PROXY);
        if (sent.isEmpty()) {
            return;
        }
        Tenant tenant = sent.get().tenant();
        Optional<User> sender = directory.user(sent.get().device().userId());
        if (sender.isEmpty() || !(rq.getRequestURI() instanceof SipURI ruri) || ruri.getUser() == null) {
            messages.send(st, messages.response(rq, Response.NOT_FOUND));
            return;
        }
        Optional<Tenant> target = tenants.resolve(ruri.getHost());
        if (target.isEmpty() || target.get().id() != tenant.id()) {
            messages.send(st, messages.response(rq, Response.FORBIDDEN, "Relaying denied"));
            return;
        }
        Optional<User> recipient = directory.userByExtension(tenant.id(), ruri.getUser());
        if (recipient.isEmpty()) {
            messages.send(st, messages.response(rq, Response.NOT_FOUND));
            return;
        }
        byte[] raw = rq.getRawContent();
        if (raw != null && raw.length > MAX_BODY) {
            messages.send(st, messages.response(rq, Response.MESSAGE_TOO_LARGE));
            return;
        }
        ContentTypeHeader ct = (ContentTypeHeader) rq.getHeader(ContentTypeHeader.NAME);
        String type = ct == null ? "text/plain" : ct.getContentType() + "/" + ct.getContentSubType();
        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        CompletableFuture<MessageService.Outcome> stored;
        try {
            stored = service.send(tenant, sender.get().extension(), recipient.get().extension(), type, body);
        } catch (RuntimeException e) {
            // Not stored: the sender must learn it (500) rather than wait for an answer that never comes.
            LOG.warn("message from {} to {} not stored: {}", sender.get().extension(), recipient.get().extension(),
                    e.getMessage());
            messages.send(st, messages.response(rq, Response.SERVER_INTERNAL_ERROR, "Message not stored"));
            return;
        }
        stored.completeOnTimeout(MessageService.Outcome.STORED, DELIVERY_WAIT_MS, TimeUnit.MILLISECONDS)
                .thenAccept(outcome -> messages.send(st, messages.response(rq,
                        outcome == MessageService.Outcome.DELIVERED ? Response.OK : Response.ACCEPTED)));
    }
}
