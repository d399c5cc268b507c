package com.crosspoint.sip;

import gov.nist.javax.sip.Utils;
import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ServerHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the messages the appliance originates: responses, our Via and Contact, fresh
 * tags and Call-IDs. Everything that needs the JAIN-SIP factories goes through here.
 */
public final class SipMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SipMessages.class);
    /** The Server header: the product, never its version (a prober learns which exploits to try from it). */
    public static final String PRODUCT = "Crosspoint";
    public static final List<String> ALLOWED = List.of(
            "INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER", "MESSAGE", "REFER", "NOTIFY", "INFO", "SUBSCRIBE");

    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final String host;
    private final int port;
    private final int tlsPort;
    private final EdgeRefusals refusals;
    private final DialogFlows dialogFlows;
    private final FlowFailures flowFailures;

    SipMessages(SipProvider provider, AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
                String host, int port, int tlsPort, EdgeRefusals refusals, DialogFlows dialogFlows,
                FlowFailures flowFailures) {
        this.refusals = refusals;
        this.dialogFlows = dialogFlows;
        this.flowFailures = flowFailures;
        this.provider = provider;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.host = host;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** The flows dialogs were established on: where in-dialog requests to phones go (RFC 5626 §5.3). */
    public DialogFlows dialogFlows() {
        return dialogFlows;
    }

    /** Which TCP/TLS flows of registrations failed: their bindings are not called. */
    public FlowFailures flowFailures() {
        return flowFailures;
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory factory() {
        return messages;
    }

    /** The address the appliance advertises in Via and Contact. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String newTag() {
        return Utils.getInstance().generateTag();
    }

    public CallIdHeader newCallId() {
        return provider.getNewCallId();
    }

    public ViaHeader via(String transport) {
        try {
            ViaHeader via = headers.createViaHeader(host, portFor(transport), transport.toLowerCase(Locale.ROOT), null);
            via.setRPort();
            return via;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build our Via", e);
        }
    }

    /** Our Contact for a dialog carried over {@code transport}. */
    public ContactHeader contact(String transport) {
        try {
            SipURI uri = addresses.createSipURI(null, host);
            uri.setPort(portFor(transport));
            if (!"udp".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our Contact", e);
        }
    }

    private int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
    }

    public Response response(Request request, int status) {
        return response(request, status, null);
    }

    public Response response(Request request, int status, String reason) {
        try {
            Response r = messages.createResponse(status, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            r.setHeader(serverHeader());
            if (status == Response.METHOD_NOT_ALLOWED || status == Response.OK && Request.OPTIONS.equals(request.getMethod())) {
                for (String m : ALLOWED) {
                    r.addHeader(allow(m));
                }
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build response " + status, e);
        }
    }

    /** A refusal because a limit was reached: the response, counted under {@code why} for the operator's report. */
    public Response refusal(Request request, EdgeRefusals.Reason why, int status, String reason) {
        refusals.count(why);
        return response(request, status, reason);
    }

    /** What the edge refused so far, per reason. */
    public EdgeRefusals refusals() {
        return refusals;
    }

    /** A response that creates a dialog (1xx except 100, 2xx): it needs our tag and Contact. */
    public Response dialogResponse(Request request, int status, String localTag, String transport) {
        Response r = response(request, status);
        try {
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(localTag);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot set To tag", e);
        }
        r.setHeader(contact(transport));
        return r;
    }

    /** Sends a response within its server transaction; false (logged) when the transaction is gone. */
    public boolean send(ServerTransaction st, Response response) {
        try {
            st.sendResponse(response);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not send {} for {}: {}", response.getStatusCode(),
                    st.getRequest().getMethod(), e.getMessage());
            return false;
        }
    }

    /** Answers without a transaction (overload, requests we will not process). */
    public void sendStateless(Response response) {
        try {
            provider.sendResponse(response);
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not send stateless {}: {}", response.getStatusCode(), e.getMessage());
        }
    }

    public Address parseAddress(String uri) throws ParseException {
        return addresses.createAddress(uri);
    }

    private ServerHeader serverHeader() throws ParseException {
        return headers.createServerHeader(List.of(PRODUCT));
    }

    private AllowHeader allow(String method) throws ParseException {
        return headers.createAllowHeader(method);
    }

    /** Transport the message arrived over, upper case (UDP, TCP, TLS ...). */
    public static String transportOf(Message m) {
        String t = ((SIPMessage) m).getTopmostVia().getTransport();
        return t == null ? "UDP" : t.toUpperCase(Locale.ROOT);
    }

    /** Where the packet really came from, {@code host:port} (differs from Via behind NAT). */
    public static String sourceOf(Message m) {
        SIPMessage sm = (SIPMessage) m;
        String host = sm.getPeerPacketSourceAddress() != null
                ? sm.getPeerPacketSourceAddress().getHostAddress()
                : sm.getRemoteAddress() == null ? "unknown" : sm.getRemoteAddress().getHostAddress();
        int port = sm.getPeerPacketSourcePort() > 0 ? sm.getPeerPacketSourcePort() : sm.getRemotePort();
        return host + ":" + port;
    }

    /**
     * Where a message from a device arrived, {@code host:port} of the appliance (the far end of its flow): the socket's
     * address, or the advertised address and the transport's port when the socket listens on every address.
     */
    public String arrivedAt(Message m) {
        SIPMessage sm = (SIPMessage) m;
        java.net.InetAddress local = sm.getLocalAddress();
        String h = local == null || local.isAnyLocalAddress() ? host : local.getHostAddress();
        int p = sm.getLocalPort() > 0 ? sm.getLocalPort() : portFor(transportOf(m));
        return (h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + p;
    }

    /** The source IP alone (throttling is per address, not per port). */
    public static String sourceHostOf(Message m) {
        String s = sourceOf(m);
        return s.substring(0, s.lastIndexOf(':'));
    }
}
