package com.crosspoint.sip;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Checks a parsed request before any handler sees it, the way RFC 3261 §8.2 orders a UAS's
 * checks, and says which error to answer. The parser already refused what does not parse.
 */
final class RequestSanity {
    /** Option tags we implement; anything else in Require gets 420 (RFC 3261 §8.2.2.3). */
    private static final List<String> SUPPORTED = List.of();

    private final SipMessages messages;

    RequestSanity(SipMessages messages) {
        this.messages = messages;
    }

    Optional<Response> check(Request rq) {
        String method = rq.getMethod();
        CSeqHeader cseq = (CSeqHeader) rq.getHeader(CSeqHeader.NAME);
        if (cseq == null || !cseq.getMethod().equals(method)) {
            return Optional.of(messages.response(rq, Response.BAD_REQUEST, "CSeq method does not match"));
        }
        if (rq.getHeader("Call-ID") == null || rq.getHeader("From") == null || rq.getHeader("To") == null) {
            return Optional.of(messages.response(rq, Response.BAD_REQUEST, "Missing required header"));
        }
        Optional<HeaderLimits.TooLong> tooLong = HeaderLimits.check(rq);
        if (tooLong.isPresent()) {
            return Optional.of(messages.refusal(rq, EdgeRefusals.Reason.OVERSIZE_HEADER, Response.BAD_REQUEST,
                    tooLong.get().reason()));
        }
        // §8.2.2.1: a scheme we do not understand gets 416.
        String scheme = rq.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return Optional.of(messages.response(rq, Response.UNSUPPORTED_URI_SCHEME));
        }
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return Optional.empty();
        }
        List<String> unsupported = unsupportedRequirements(rq);
        if (!unsupported.isEmpty()) {
            Response r = messages.response(rq, Response.BAD_EXTENSION);
            for (String tag : unsupported) {
                try {
                    r.addHeader(messages.headers().createUnsupportedHeader(tag));
                } catch (java.text.ParseException e) {
                    return Optional.of(messages.response(rq, Response.BAD_REQUEST, "Bad option tag"));
                }
            }
            return Optional.of(r);
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) rq.getHeader(MaxForwardsHeader.NAME);
        boolean relayed = Request.INVITE.equals(method) || Request.MESSAGE.equals(method) || Request.REFER.equals(method);
        if (relayed && mf != null && mf.getMaxForwards() == 0 && ((SIPRequest) rq).getToTag() == null) {
            return Optional.of(messages.response(rq, Response.TOO_MANY_HOPS));
        }
        if (Request.INVITE.equals(method)) {
            return checkInviteBody(rq);
        }
        return Optional.empty();
    }

    private static List<String> unsupportedRequirements(Request rq) {
        List<String> out = new ArrayList<>();
        Iterator<?> it = rq.getHeaders(RequireHeader.NAME);
        while (it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SUPPORTED.contains(tag.toLowerCase(Locale.ROOT))) {
                out.add(tag);
            }
        }
        return out;
    }

    /** §8.2.3: we only speak SDP; an INVITE that carries or insists on something else is refused. */
    private Optional<Response> checkInviteBody(Request rq) {
        ContentTypeHeader ct = (ContentTypeHeader) rq.getHeader(ContentTypeHeader.NAME);
        if (rq.getRawContent() != null && rq.getRawContent().length > 0 && ct != null
                && !(ct.getContentType().equalsIgnoreCase("application") && ct.getContentSubType().equalsIgnoreCase("sdp"))) {
            Response r = messages.response(rq, Response.UNSUPPORTED_MEDIA_TYPE);
            try {
                r.addHeader(messages.headers().createAcceptHeader("application", "sdp"));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
            return Optional.of(r);
        }
        Iterator<?> accepts = rq.getHeaders(AcceptHeader.NAME);
        if (accepts.hasNext()) {
            boolean sdpAccepted = false;
            while (accepts.hasNext()) {
                AcceptHeader a = (AcceptHeader) accepts.next();
                String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
                String sub = a.getContentSubType() == null ? "" : a.getContentSubType().toLowerCase(Locale.ROOT);
                if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                    sdpAccepted = true;
                }
            }
            if (!sdpAccepted) {
                return Optional.of(messages.response(rq, Response.NOT_ACCEPTABLE));
            }
        }
        return Optional.empty();
    }
}
