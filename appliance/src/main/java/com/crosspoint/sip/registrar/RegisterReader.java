package com.crosspoint.sip.registrar;

import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.sip.SipMessages;
import gov.nist.javax.sip.header.SIPHeader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Reduces an authenticated REGISTER to a {@link RegisterRequest}: contacts, expiry, Via, Path, outbound. */
final class RegisterReader {
    static final String PATH = "Path";
    private static final String INSTANCE = "+sip.instance";
    private static final String REG_ID = "reg-id";
    /** What the binding row holds (0009-binding-flow): more is refused with 400, not a failed commit. */
    private static final int MAX_PATH_CHARS = 4000;
    private static final int MAX_PATH_ENTRIES = 8;

    private RegisterReader() {
    }

    static RegisterRequest read(Request rq, Tenant tenant, User user, Device device, String arrivedAt) {
        List<ContactSpec> contacts = new ArrayList<>();
        boolean wildcard = false;
        Iterator<?> it = rq.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.isWildCard()) {
                wildcard = true;
                continue;
            }
            int expires = c.getExpires();
            contacts.add(new ContactSpec(c.getAddress().getURI().toString(), expires < 0 ? null : (long) expires,
                    instanceOf(c), regIdOf(c)));
        }
        if (wildcard && !contacts.isEmpty()) {
            throw new IllegalArgumentException("Contact * must be the only contact");
        }
        ExpiresHeader eh = (ExpiresHeader) rq.getHeader(ExpiresHeader.NAME);
        UserAgentHeader ua = (UserAgentHeader) rq.getHeader(UserAgentHeader.NAME);
        String userAgent = ua == null ? null : String.join(" ", toStrings(ua.getProduct()));
        return new RegisterRequest(tenant.id(), user.id(), device.id(), RegisterHandler.aorOf(tenant, user.extension()),
                contacts, wildcard, eh == null ? null : (long) eh.getExpires(),
                ((CallIdHeader) rq.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) rq.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                SipMessages.transportOf(rq), SipMessages.sourceOf(rq), userAgent, sentBy(rq), paths(rq),
                supports(rq, "outbound"), arrivedAt);
    }

    /** Whether a {@code Supported} header names {@code tag}. */
    static boolean supports(Request rq, String tag) {
        Iterator<?> it = rq.getHeaders(SupportedHeader.NAME);
        while (it.hasNext()) {
            if (tag.equalsIgnoreCase(((SupportedHeader) it.next()).getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    /** Each Path value in order (a header listing several counts as several). */
    static List<String> paths(Request rq) {
        List<String> out = new ArrayList<>();
        Iterator<?> it = rq.getHeaders(PATH);
        while (it.hasNext()) {
            String value = ((SIPHeader) it.next()).getHeaderValue().trim();
            if (!value.isEmpty()) {
                out.add(value);
            }
        }
        if (out.size() > MAX_PATH_ENTRIES || String.join("\n", out).length() > MAX_PATH_CHARS) {
            throw new IllegalArgumentException("Path too long (at most " + MAX_PATH_ENTRIES + " entries, "
                    + MAX_PATH_CHARS + " characters)");
        }
        return out;
    }

    private static String sentBy(Request rq) {
        ViaHeader via = (ViaHeader) rq.getHeader(ViaHeader.NAME);
        if (via == null || via.getHost() == null) {
            return null;
        }
        String host = via.getHost().indexOf(':') >= 0 && !via.getHost().startsWith("[")
                ? "[" + via.getHost() + "]" : via.getHost();
        return via.getPort() > 0 ? host + ":" + via.getPort() : host;
    }

    private static String instanceOf(ContactHeader c) {
        String value = c.getParameter(INSTANCE);
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() || v.length() > 256 ? null : v;
    }

    private static Integer regIdOf(ContactHeader c) {
        String value = c.getParameter(REG_ID);
        if (value == null) {
            return null;
        }
        try {
            int id = Integer.parseInt(value.trim());
            // RFC 5626 §4.2: reg-id is 1 to 2^31-1.
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reg-id must be a positive number");
        }
    }

    private static List<String> toStrings(ListIterator<?> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(String.valueOf(it.next()));
        }
        return out;
    }
}
