package com.crosspoint.sip.registrar;

import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** What a 200 to REGISTER says about outbound (RFC 5626 §6, Flow-Timer §4.4.1) and Path (RFC 3327 §5.3). */
final class OutboundAnswer {
    private OutboundAnswer() {
    }

    static final String FLOW_TIMER = "Flow-Timer";

    /** @param flowTimerSeconds the Flow-Timer of an outbound registration's 200 OK; 0 for none */
    static void decorate(SipMessages messages, Response ok, Request rq, RegisterRequest request,
                         long flowTimerSeconds) {
        try {
            // RFC 5626 §6: "the registrar MUST include the 'outbound' option-tag in a Require header field" of the 2xx
            // when it applied outbound processing to the registration.
            boolean outbound = request.outbound() && request.contacts().stream()
                    .anyMatch(c -> c.instanceId() != null && c.regId() != null);
            if (outbound) {
                ok.addHeader(messages.headers().createRequireHeader("outbound"));
                // RFC 5626 §4.4.1: how often the UA should send keepalives on its flow (it sends them at 80-100%
                // of this); without it, phones pick their own interval, often longer than a UDP mapping lives.
                if (flowTimerSeconds > 0) {
                    ok.addHeader(messages.headers().createHeader(FLOW_TIMER, Long.toString(flowTimerSeconds)));
                }
            }
            // RFC 3327 §5.3: a registrar that stored a Path returns it to a UA that supports Path.
            if (!request.path().isEmpty() && RegisterReader.supports(rq, "path")) {
                for (String path : request.path()) {
                    ok.addHeader(messages.headers().createHeader(RegisterReader.PATH, path));
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("Path or Require not re-encodable: " + e.getMessage(), e);
        }
    }
}
