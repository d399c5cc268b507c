package com.crosspoint.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

/**
 * The flows dialogs were established on (RFC 5626 §5.3 for dialogs; RFC 3261 §18 and RFC 5923 for connections):
 * requests the appliance sends inside a dialog (BYE, re-INVITE, UPDATE, NOTIFY) go there, not to the dialog's remote
 * target, whenever the phone cannot be reached at that target: it is behind NAT (its INVITE or 2xx came from another
 * address than its Contact names), it uses TCP or TLS (only its own connection reaches it), or its Contact carries
 * {@code ;ob} (RFC 5626 §5.4: "reach me over this flow"). The registration's flow does not do for dialogs: a phone may
 * call or answer with another Contact than it registered, or call without registering that Contact at all.
 *
 * <p>Dialogs are keyed by Call-ID and the appliance's own tag, which a request we send carries as its From tag and
 * which no phone can choose. A dialog that needs no flow costs nothing here but {@link #flowOf}'s comparison of what
 * the stack already parsed. Entries go when the leg ends or the stack forgets the dialog, and there are at most
 * {@code capacity} of them: beyond that a dialog is routed as before (to its target), and the refusal counted.
 */
public final class DialogFlows {
    private record DialogKey(String callId, String localTag) {
    }

    private final Map<DialogKey, Hop> flows = new ConcurrentHashMap<>();
    private final int capacity;
    private final AtomicLong refused = new AtomicLong();

    public DialogFlows(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The flow a phone must be reached over, given a message it sent in the dialog (its INVITE, or its 2xx to ours);
     * empty when it can be reached at its Contact: UDP, no {@code ;ob}, and its packets come from the Contact's
     * address and port.
     */
    public static Optional<Hop> flowOf(Message fromPhone) {
        String transport = SipMessages.transportOf(fromPhone).toLowerCase(Locale.ROOT);
        ContactHeader contact = (ContactHeader) fromPhone.getHeader(ContactHeader.NAME);
        SipURI uri = contact != null && contact.getAddress() != null && contact.getAddress().getURI() instanceof SipURI s
                ? s : null;
        boolean stream = transport.equals("tcp") || transport.equals("tls");
        boolean ob = uri != null && uri.getParameter("ob") != null;
        String source = SipMessages.sourceOf(fromPhone);
        int colon = source.lastIndexOf(':');
        String host = source.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(source.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty(); // the stack did not say where it came from: nothing better than its Contact
        }
        if (!stream && !ob && uri != null && reachedAt(uri, host, port)) {
            return Optional.empty();
        }
        return Optional.of(new HopImpl(host, port, transport));
    }

    /** Whether the Contact names exactly where the packets came from (an IP literal compared as text: no look-up). */
    private static boolean reachedAt(SipURI contact, String host, int port) {
        String h = contact.getHost();
        if (h == null) {
            return false;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int p = contact.getPort() > 0 ? contact.getPort() : 5060;
        return p == port && h.equalsIgnoreCase(host);
    }

    /** Requests in the dialog {@code callId} whose tag of ours is {@code localTag} go to {@code flow}. */
    public void remember(String callId, String localTag, Hop flow) {
        DialogKey key = new DialogKey(callId, localTag);
        if (flows.size() >= capacity && !flows.containsKey(key)) {
            refused.incrementAndGet();
            return;
        }
        flows.put(key, flow);
    }

    /** The dialog ended: its requests have been sent. */
    public void forget(String callId, String localTag) {
        if (callId != null && localTag != null) {
            flows.remove(new DialogKey(callId, localTag));
        }
    }

    /** Where {@code request}, which the appliance sends inside a dialog, must go; empty when to its target. */
    public Optional<Hop> hopFor(Request request) {
        if (flows.isEmpty()) {
            return Optional.empty();
        }
        SIPRequest rq = (SIPRequest) request;
        String tag = rq.getFromTag();
        if (tag == null || rq.getCallId() == null || rq.getToTag() == null) {
            return Optional.empty(); // not inside a dialog
        }
        return Optional.ofNullable(flows.get(new DialogKey(rq.getCallId().getCallId(), tag)));
    }

    /** Dialogs whose requests follow a flow now. */
    public int size() {
        return flows.size();
    }

    /** Dialogs routed to their target because the table was full. */
    public long refused() {
        return refused.get();
    }
}
