package com.crosspoint.sip.mwi;

import com.crosspoint.directory.Directory;
import com.crosspoint.events.Event;
import com.crosspoint.events.VoicemailEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message-waiting indication (RFC 3842): when a mailbox changes, every device subscribed to it
 * gets a NOTIFY in its subscription; a user whose devices did not subscribe gets an unsolicited
 * NOTIFY at each registered contact instead, which most desk phones honour.
 */
public final class MwiNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(MwiNotifier.class);
    private static final ResponseListener IGNORE = new ResponseListener() {
        @Override
        public void onResponse(ResponseEvent event) {
            // a refused NOTIFY changes nothing: the next change is announced again
        }

        @Override
        public void onTimeout() {
            // likewise
        }
    };

    private final SipMessages m;
    private final MwiSubscriptions subscriptions;
    private final Registrar registrar;
    private final Directory directory;
    private final Clock clock;

    MwiNotifier(SipMessages messages, MwiSubscriptions subscriptions, Registrar registrar, Directory directory,
                Clock clock) {
        this.m = messages;
        this.subscriptions = subscriptions;
        this.registrar = registrar;
        this.directory = directory;
        this.clock = clock;
    }

    /** The events {@link #onEvent} acts on. */
    public static boolean concerns(Event e) {
        return e instanceof VoicemailEvent;
    }

    /** Subscribe this to the event bus. */
    public void onEvent(Event e) {
        if (!(e instanceof VoicemailEvent v)) {
            return;
        }
        User box = directory.user(v.voicemail().userId()).orElse(null);
        Tenant tenant = box == null ? null : directory.tenant(box.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        String account = "sip:" + box.extension() + "@" + tenant.domain();
        byte[] body = MessageSummary.body(account, v.counts()).getBytes(StandardCharsets.UTF_8);
        List<MwiSubscription> subscribed = subscriptions.of(box.id(), clock.instant());
        if (!subscribed.isEmpty()) {
            subscribed.forEach(s -> notifyInDialog(s, body, clock.instant()));
            return;
        }
        for (Binding b : registrar.lookup(account)) {
            notifyUnsolicited(b, account, body);
        }
    }

    /** NOTIFY in a subscription's dialog with the time it has left (RFC 6665 §4.2.2). */
    boolean notifyInDialog(MwiSubscription s, byte[] body, Instant now) {
        long left = Math.max(0, Duration.between(now, s.expiresAt()).toSeconds());
        return sendInDialog(s, left > 0 ? "active;expires=" + left : "terminated;reason=timeout", body);
    }

    /** The last NOTIFY of a subscription the device ended (Expires: 0). */
    boolean notifyTerminated(MwiSubscription s, byte[] body) {
        return sendInDialog(s, "terminated;reason=timeout", body);
    }

    private boolean sendInDialog(MwiSubscription s, String state, byte[] body) {
        try {
            Request rq = s.dialog().createRequest(Request.NOTIFY);
            rq.setHeader(m.contact(s.transport()));
            rq.setHeader(m.headers().createEventHeader(MessageSummary.EVENT));
            rq.setHeader(m.headers().createSubscriptionStateHeader(state));
            rq.setContent(body, m.headers().createContentTypeHeader(MessageSummary.CONTENT_TYPE,
                    MessageSummary.CONTENT_SUBTYPE));
            ClientTransaction ct = m.provider().getNewClientTransaction(rq);
            ct.setApplicationData(IGNORE);
            s.dialog().sendRequest(ct);
            return true;
        } catch (SipException | ParseException | RuntimeException e) {
            LOG.debug("MWI NOTIFY in dialog {} failed: {}", s.dialog().getDialogId(), e.getMessage());
            return false;
        }
    }

    private void notifyUnsolicited(Binding b, String account, byte[] body) {
        try {
            URI target = m.addresses().createURI(b.contact());
            String transport = target instanceof SipURI sip && sip.getTransportParam() != null
                    ? sip.getTransportParam().toUpperCase(Locale.ROOT) : "UDP";
            var address = m.addresses().createAddress(account);
            Request rq = m.factory().createRequest(target, Request.NOTIFY, m.newCallId(),
                    m.headers().createCSeqHeader(1L, Request.NOTIFY), m.headers().createFromHeader(address, m.newTag()),
                    m.headers().createToHeader(address, null), List.of(m.via(transport)),
                    m.headers().createMaxForwardsHeader(70));
            rq.setHeader(m.contact(transport));
            rq.setHeader(m.headers().createEventHeader(MessageSummary.EVENT));
            rq.setHeader(m.headers().createSubscriptionStateHeader("active"));
            rq.setContent(body, m.headers().createContentTypeHeader(MessageSummary.CONTENT_TYPE,
                    MessageSummary.CONTENT_SUBTYPE));
            ClientTransaction ct = m.provider().getNewClientTransaction(rq);
            ct.setApplicationData(IGNORE);
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("unsolicited MWI NOTIFY to {} failed: {}", b.contact(), e.getMessage());
        }
    }
}
