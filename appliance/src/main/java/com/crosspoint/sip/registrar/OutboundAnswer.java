package com.crosspoint.sip.registrar;

import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** What a 200 to REGISTER says about outbound (RFC 5626 §6) and Path (RFC 3327 §5.3). */
final class OutboundAnswer {
    private OutboundAnswer() {
    }

    static void decorate(SipMessages messages, Response ok, Request rq, RegisterRequest request) {
        try {
            // RFC 5626 §6: "the registrar MUST include the 'outbound' option-tag in a Require header field" of the 2xx
            // when it applied outbound processing to the registration.
            boolean outbound = request.outbound() && request.contacts().stream()
                    .anyMatch(c -> c.instanceId() != null && c.regId() != null);
            if (outbound) {
                ok.addHeader(messages.headers().createRequireHeader("outbound"));
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
