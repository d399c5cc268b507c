package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.sip.SipMessages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Message;

/**
 * Where a phone's SIP came from (the packet's source: what Via received/rport record) and the host its Contact
 * names: enough to tell whether the phone is behind NAT, and so from where the appliance may take its RTP. A phone
 * is behind NAT when its Contact or the address its SDP names is not the host its packets come from (typically a
 * private address seen from a public one); otherwise its RTP must come from its SDP address.
 *
 * @param source  the host the phone's last message came from; null when unknown
 * @param contact the host its Contact named, when an IP literal; null for a name (not looked up) or no Contact
 */
record PhoneAddresses(InetAddress source, InetAddress contact) {
    static final PhoneAddresses UNKNOWN = new PhoneAddresses(null, null);

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** What a message from the phone (a request, or a response to ours) says. */
    static PhoneAddresses of(Message m) {
        InetAddress contact = null;
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        if (c != null && c.getAddress() != null && c.getAddress().getURI() instanceof SipURI uri) {
            contact = literal(uri.getHost());
        }
        return new PhoneAddresses(literal(SipMessages.sourceHostOf(m)), contact);
    }

    /** Where the phone's RTP may come from, given the address its SDP names (null: none, e.g. on hold). */
    SignalledPeer mediaPeer(InetSocketAddress sdpRtp) {
        if (source == null) {
            return SignalledPeer.DIRECT; // nothing to compare: the SDP's word is all there is
        }
        boolean contactElsewhere = contact != null && !contact.equals(source);
        boolean sdpElsewhere = sdpRtp != null && !source.equals(sdpRtp.getAddress());
        return contactElsewhere || sdpElsewhere ? SignalledPeer.behindNat(source) : SignalledPeer.DIRECT;
    }

    /** What makes this phone look behind NAT (or nothing), in plain words, for the NAT doctor. */
    List<String> evidence(InetSocketAddress sdpRtp) {
        List<String> seen = new ArrayList<>();
        if (source == null) {
            return seen;
        }
        if (contact != null && !contact.equals(source)) {
            seen.add("its Contact names " + contact.getHostAddress() + ", its SIP comes from "
                    + source.getHostAddress());
        }
        if (sdpRtp != null && !sdpRtp.getAddress().isAnyLocalAddress() && !source.equals(sdpRtp.getAddress())) {
            seen.add("its SDP names " + sdpRtp.getAddress().getHostAddress() + ", its SIP comes from "
                    + source.getHostAddress());
        }
        if (sdpRtp != null && source.equals(sdpRtp.getAddress()) && contact != null && !contact.equals(source)
                && contact.isSiteLocalAddress()) {
            // Without STUN a phone knows only its private address: a public SDP address beside a private Contact
            // was learnt by the phone (STUN) or written by something on the way (an ALG).
            seen.add("its SDP names its public address " + source.getHostAddress() + " but its Contact the private "
                    + contact.getHostAddress() + ": the phone uses STUN for media, or a SIP ALG rewrote the SDP");
        }
        return seen;
    }

    /** An IP literal (IPv6 possibly in brackets) as an address, without a name look-up; null for anything else. */
    static InetAddress literal(String host) {
        if (host == null) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !IPV6.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return null; // looked like a literal but is none (e.g. "1::2::3")
        }
    }
}
