package com.crosspoint.sip;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.SipStack;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every parsed request before the transaction layer (named in the stack properties):
 * <ul>
 * <li>a SIP version other than 2.0 gets 505 (RFC 3261 §8.2.2.3, RFC 4475 §3.1.2.16);</li>
 * <li>a request whose top Via names another transport than the one it arrived over gets the real one: over UDP
 *     it is answered over UDP, to where it came from (the Via cannot be right about a connection that does not
 *     exist, and the packet's source is the one address known to reach the sender, as rport does); over a
 *     connection the registrar records the transport the phone really uses, not a token of any length.</li>
 * </ul>
 */
public final class EdgeValve implements SIPMessageValve {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeValve.class);

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (request.getApplicationData() == StrictMessageParser.UNSUPPORTED_VERSION) {
            reply(request, channel, Response.VERSION_NOT_SUPPORTED);
            return false;
        }
        Via top = request.getTopmostVia();
        if (top != null && top.getTransport() != null
                && !top.getTransport().equalsIgnoreCase(channel.getTransport())) {
            try {
                top.setTransport(channel.getTransport().toUpperCase(Locale.ROOT));
            } catch (ParseException e) {
                LOG.debug("cannot correct Via transport: {}", e.getMessage());
            }
        }
        return true;
    }

    private static void reply(SIPRequest request, MessageChannel channel, int status) {
        try {
            SIPResponse response = request.createResponse(status);
            response.getStatusLine().setSipVersion("SIP/2.0");
            channel.sendMessage(response, channel.getPeerPacketSourceAddress(), channel.getPeerPacketSourcePort());
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot answer {}: {}", status, e.getMessage());
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // Stateless: nothing to set up.
    }

    @Override
    public void destroy() {
        // Stateless: nothing to release.
    }
}
