package com.crosspoint.sip.b2bua;

import com.crosspoint.model.Binding;
import com.crosspoint.sip.DisplayNames;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.trunk.OutsideCall;
import com.crosspoint.trunk.TrunkTarget;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places a call's outbound legs: a fresh dialog from the appliance to one registered phone or trunk server. */
final class SipDialer implements Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(SipDialer.class);

    private final SipMessages messages;
    private final B2buaCall call;
    private final String domain;
    private final int maxForwards;

    SipDialer(SipMessages messages, B2buaCall call, String domain, int maxForwards) {
        this.messages = messages;
        this.call = call;
        this.domain = domain;
        this.maxForwards = maxForwards;
    }

    @Override
    public Optional<DialledLeg> dial(Binding device, Party from, String toExtension, byte[] sdp, RingListener listener) {
        try {
            Request invite = invite(device, from, toExtension);
            call.anchor().dialling(device); // before the offer leaves: a phone behind NAT is sent the relay
            OutboundLeg leg = new OutboundLeg(messages, call, toExtension, transportOf(invite.getRequestURI()), listener);
            leg.start(invite, sdp);
            return Optional.of(leg);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.info("call {}: cannot ring {} at {}: {}", call.id(), toExtension, device.contact(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<DialledLeg> dialOutside(TrunkTarget server, OutsideCall outside, Party from, byte[] sdp,
                                            RingListener listener) {
        try {
            Request invite = outsideInvite(server, outside, from);
            call.anchor().diallingOutside();
            OutboundLeg leg = new OutboundLeg(messages, call, outside.number(),
                    server.transport().toUpperCase(Locale.ROOT), listener);
            leg.reportMediaAtEnd(); // the call router counts the carrier's MOS from it
            leg.start(invite, sdp);
            return Optional.of(leg);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.info("call {}: cannot send {} to {}: {}", call.id(), outside.number(), server, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * An INVITE for {@code outside} to {@code server}: the number in the Request-URI and To, the caller ID (a DID,
     * or the caller's extension for an emergency call of a tenant without DIDs) in From and in P-Asserted-Identity
     * (RFC 3325: the routers are a trusted network, and carriers read the caller's number there).
     */
    private Request outsideInvite(TrunkTarget server, OutsideCall outside, Party from)
            throws ParseException, InvalidArgumentException {
        URI requestUri = messages.addresses().createURI(server.uriFor(outside.number()));
        String presented = outside.callerId().orElse(from.extension());
        SipURI fromUri = messages.addresses().createSipURI(presented, domain);
        if (presented.startsWith("+")) {
            fromUri.setUserParam("phone");
        }
        Address fromAddress = messages.addresses().createAddress(fromUri);
        DisplayNames.quotedContent(from.displayName()).ifPresent(name -> {
            try {
                fromAddress.setDisplayName(name);
            } catch (ParseException e) {
                throw new IllegalArgumentException("display name: " + e.getMessage(), e);
            }
        });
        String transport = server.transport().toUpperCase(Locale.ROOT);
        Request invite = messages.factory().createRequest(requestUri, Request.INVITE, messages.newCallId(),
                messages.headers().createCSeqHeader(1L, Request.INVITE),
                messages.headers().createFromHeader(fromAddress, messages.newTag()),
                messages.headers().createToHeader(messages.addresses().createAddress(
                        messages.addresses().createURI(server.uriFor(outside.number()))), null),
                List.of(messages.via(transport)), messages.headers().createMaxForwardsHeader(Math.max(0, maxForwards)));
        invite.addHeader(messages.headers().createHeader("P-Asserted-Identity", "<" + fromUri + ">"));
        invite.addHeader(messages.contact(transport));
        for (String method : SipMessages.ALLOWED) {
            invite.addHeader(messages.headers().createAllowHeader(method));
        }
        return invite;
    }

    /** The transport a contact asks for (its {@code transport} parameter), UDP by default. */
    private static String transportOf(URI contact) {
        if (contact instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toUpperCase(Locale.ROOT);
        }
        return "UDP";
    }

    private Request invite(Binding target, Party from, String toExtension) throws ParseException, InvalidArgumentException {
        URI requestUri = messages.addresses().createURI(target.contact());
        if (requestUri instanceof SipURI sip) {
            // Header parameters in a registered contact must never become headers of our request.
            sip.removeParameter("method");
        }
        String transport = transportOf(requestUri);
        Address fromAddress = messages.addresses().createAddress(messages.addresses().createSipURI(from.extension(), domain));
        Optional<String> displayName = DisplayNames.quotedContent(from.displayName());
        if (displayName.isPresent()) {
            fromAddress.setDisplayName(displayName.get());
        }
        FromHeader fromHeader = messages.headers().createFromHeader(fromAddress, messages.newTag());
        ToHeader to = messages.headers().createToHeader(
                messages.addresses().createAddress(messages.addresses().createSipURI(toExtension, domain)), null);
        CSeqHeader cseq = messages.headers().createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader mf = messages.headers().createMaxForwardsHeader(Math.max(0, maxForwards));
        List<ViaHeader> via = List.of(messages.via(transport));
        Request invite = messages.factory().createRequest(requestUri, Request.INVITE, messages.newCallId(), cseq,
                fromHeader, to, via, mf);
        invite.addHeader(messages.contact(transport));
        for (String method : SipMessages.ALLOWED) {
            invite.addHeader(messages.headers().createAllowHeader(method));
        }
        return invite;
    }
}
