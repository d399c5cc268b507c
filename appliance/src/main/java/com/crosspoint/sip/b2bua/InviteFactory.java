package com.crosspoint.sip.b2bua;

import com.crosspoint.model.Binding;
import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds the INVITE of an outbound leg: a fresh dialog from the appliance to one device. */
final class InviteFactory {
    private InviteFactory() {
    }

    /** The transport a contact asks for (its {@code transport} parameter), UDP by default. */
    static String transportOf(URI contact) {
        if (contact instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toUpperCase(Locale.ROOT);
        }
        return "UDP";
    }

    static Request invite(SipMessages m, Binding target, String domain, String fromExtension, String fromName,
                          String toExtension, byte[] sdp, int maxForwards) throws ParseException, InvalidArgumentException {
        URI requestUri = m.addresses().createURI(target.contact());
        if (requestUri instanceof SipURI sip) {
            // Header parameters in a registered contact must never become headers of our request.
            sip.removeParameter("method");
        }
        String transport = transportOf(requestUri);
        SipURI fromUri = m.addresses().createSipURI(fromExtension, domain);
        Address fromAddress = m.addresses().createAddress(fromUri);
        if (fromName != null && !fromName.isBlank()) {
            fromAddress.setDisplayName(fromName);
        }
        FromHeader from = m.headers().createFromHeader(fromAddress, m.newTag());
        ToHeader to = m.headers().createToHeader(m.addresses().createAddress(m.addresses().createSipURI(toExtension, domain)), null);
        CSeqHeader cseq = m.headers().createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader mf = m.headers().createMaxForwardsHeader(Math.max(0, maxForwards));
        List<ViaHeader> via = List.of(m.via(transport));
        Request invite = m.factory().createRequest(requestUri, Request.INVITE, m.newCallId(), cseq, from, to, via, mf);
        invite.addHeader(m.contact(transport));
        for (String method : SipMessages.ALLOWED) {
            invite.addHeader(m.headers().createAllowHeader(method));
        }
        if (sdp != null && sdp.length > 0) {
            invite.setContent(sdp, InboundLeg.sdpType(m));
        }
        return invite;
    }
}
