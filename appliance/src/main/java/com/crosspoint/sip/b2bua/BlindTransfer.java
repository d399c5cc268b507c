package com.crosspoint.sip.b2bua;

import com.crosspoint.model.User;
import com.crosspoint.sip.SipMessages;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blind transfer in progress (RFC 3515): who asked, who moves, the legs ringing the target, and
 * the progress reports owed to the transferor. The call decides; this holds the state and speaks
 * the NOTIFY sipfrag. Touched only on its call's lane.
 */
final class BlindTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(BlindTransfer.class);

    private final SipMessages messages;
    private final String callId;
    final Leg transferor;
    final Leg transferee;
    final User target;
    final List<OutboundLeg> legs = new ArrayList<>();
    OutboundLeg answered;
    ScheduledFuture<?> timer;

    BlindTransfer(SipMessages messages, String callId, Leg transferor, Leg transferee, User target) {
        this.messages = messages;
        this.callId = callId;
        this.transferor = transferor;
        this.transferee = transferee;
        this.target = target;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The final report when the target could not be reached. */
    void notifyFailure(int status) {
        notifyProgress("SIP/2.0 " + status + " " + reasonPhrase(status), true);
    }

    /** NOTIFY with a sipfrag of the transfer's progress (RFC 3515 §2.4.5). */
    void notifyProgress(String statusLine, boolean last) {
        try {
            var h = messages.headers();
            ContentTypeHeader type = h.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            List<Header> extra = List.of(h.createEventHeader("refer"),
                    h.createSubscriptionStateHeader(last ? "terminated;reason=noresource" : "active;expires=60"));
            transferor.sendInDialog(Request.NOTIFY, extra, (statusLine + "\r\n").getBytes(StandardCharsets.UTF_8), type, null);
        } catch (ParseException e) {
            LOG.debug("call {}: cannot build NOTIFY: {}", callId, e.getMessage());
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case Response.BUSY_HERE -> "Busy Here";
            case Response.NOT_FOUND -> "Not Found";
            case Response.DECLINE -> "Decline";
            default -> "Temporarily Unavailable";
        };
    }
}
