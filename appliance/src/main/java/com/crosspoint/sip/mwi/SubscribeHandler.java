package com.crosspoint.sip.mwi;

import com.crosspoint.concurrency.Lanes;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.EdgeRefusals;
import com.crosspoint.sip.Overload;
import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import com.crosspoint.voicemail.VoicemailService;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE to {@code message-summary} (RFC 3842 over RFC 6665): a device subscribes to its own
 * user's mailbox, authenticated like a call; 200 with the granted expiry, then a NOTIFY with the
 * counts at once and at every change. {@code Expires: 0} ends the subscription with a final NOTIFY. A user's
 * devices hold at most {@code maxPerUser} subscriptions; one more gets 403.
 * Other event packages get 489 Bad Event.
 */
public final class SubscribeHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SubscribeHandler.class);
    static final int DEFAULT_EXPIRES = 3600;
    static final int MIN_EXPIRES = 60;
    static final int MAX_EXPIRES = 3600;

    private final SipMessages messages;
    private final TenantResolver tenants;
    private final Directory directory;
    private final DigestGate gate;
    private final VoicemailService voicemail;
    private final MwiSubscriptions subscriptions;
    private final MwiNotifier notifier;
    private final Lanes workers;
    private final Clock clock;
    private final int maxPerUser;

    /** @param maxPerUser subscriptions one user may hold ({@code sip.limits.subscriptionsPerUser}) */
    SubscribeHandler(SipMessages messages, TenantResolver tenants, Directory directory, DigestGate gate,
                     VoicemailService voicemail, MwiSubscriptions subscriptions, MwiNotifier notifier, Lanes workers,
                     Clock clock, int maxPerUser) {
        this.maxPerUser = maxPerUser;
        this.messages = messages;
        this.tenants = tenants;
        this.directory = directory;
        this.gate = gate;
        this.voicemail = voicemail;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.workers = workers;
        this.clock = clock;
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
        EventHeader ev = (EventHeader) rq.getHeader(EventHeader.NAME);
        if (ev == null || !MessageSummary.EVENT.equalsIgnoreCase(ev.getEventType())) {
            Response r = messages.response(rq, Response.BAD_EVENT);
            addAllowEvents(r);
            messages.send(st, r);
            return;
        }
        Optional<DigestGate.Sender> sender = gate.authenticateSender(rq, st, tenants, DigestGate.Mode.PROXY);
        if (sender.isEmpty()) {
            return;
        }
        Tenant tenant = sender.get().tenant();
        Optional<User> owner = directory.user(sender.get().device().userId());
        if (owner.isEmpty() || !(rq.getRequestURI() instanceof SipURI ruri)
                || !owner.get().extension().equals(ruri.getUser())) {
            // Only one's own mailbox: its counts are the user's business.
            messages.send(st, messages.response(rq, Response.FORBIDDEN));
            return;
        }
        accept(rq, st, owner.get(), tenant);
    }

    private void accept(Request rq, ServerTransaction st, User owner, Tenant tenant) {
        ExpiresHeader asked = rq.getExpires();
        int expires = asked == null ? DEFAULT_EXPIRES
                : asked.getExpires() == 0 ? 0 : Math.max(MIN_EXPIRES, Math.min(MAX_EXPIRES, asked.getExpires()));
        String transport = SipMessages.transportOf(rq);
        Response ok = messages.dialogResponse(rq, Response.OK, messages.newTag(), transport);
        try {
            ok.setExpires(messages.headers().createExpiresHeader(expires));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        // The stack made the dialog with the server transaction (automatic dialog support); it is confirmed by the 200.
        Dialog dialog = st.getDialog();
        if (dialog == null) {
            LOG.debug("SUBSCRIBE {}: no dialog", ((SIPRequest) rq).getCallId().getCallId());
            messages.send(st, messages.response(rq, Response.SERVER_INTERNAL_ERROR));
            return;
        }
        String key = ((SIPRequest) rq).getCallId().getCallId() + ";" + ((SIPRequest) rq).getFromTag();
        Instant now = clock.instant();
        MwiSubscription s = new MwiSubscription(owner.id(), dialog, transport, now.plusSeconds(expires));
        if (expires > 0 && !subscriptions.put(key, s, maxPerUser, now)) {
            messages.send(st, messages.refusal(rq, EdgeRefusals.Reason.SUBSCRIPTIONS_PER_USER, Response.FORBIDDEN,
                    "Too many subscriptions (at most " + maxPerUser + ")"));
            return;
        }
        if (!messages.send(st, ok)) {
            subscriptions.remove(key);
            return;
        }
        byte[] body = MessageSummary.body("sip:" + owner.extension() + "@" + tenant.domain(),
                voicemail.counts(owner.id())).getBytes(StandardCharsets.UTF_8);
        if (expires == 0) {
            subscriptions.remove(key);
            notifier.notifyTerminated(s, body);
        } else {
            notifier.notifyInDialog(s, body, now);
        }
    }

    private void addAllowEvents(Response r) {
        try {
            r.addHeader(messages.headers().createAllowEventsHeader(MessageSummary.EVENT));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
