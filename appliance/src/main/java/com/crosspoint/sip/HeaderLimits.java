package com.crosspoint.sip;

import gov.nist.javax.sip.header.SIPHeader;
import java.util.Iterator;
import java.util.Optional;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;

/**
 * The longest value the appliance accepts for each header it stores. RFC 3261 sets no length, the database does
 * (db/changelog: binding.call_id and call_record.call_id VARCHAR(1024), binding.user_agent VARCHAR(512),
 * binding.contact VARCHAR(2048), instant_message.content_type VARCHAR(255)); each limit here is at most its column,
 * with room to spare where real phones never come near it. A longer value is refused at the edge, naming the header,
 * instead of failing a commit later (issue 10).
 */
final class HeaderLimits {
    /** Call-IDs of real phones are well under 100 characters; RFC 4475's long request has 142. */
    static final int CALL_ID = 255;
    static final int USER_AGENT = 255;
    /** Each Contact URI as the registrar stores it. */
    static final int CONTACT_URI = 1024;
    static final int CONTENT_TYPE = 255;

    private HeaderLimits() {
    }

    /** A header whose value is too long, as the reason phrase of a 400 names it. */
    record TooLong(String header, int limit) {
        String reason() {
            return header + " too long (at most " + limit + " characters)";
        }
    }

    static Optional<TooLong> check(Request rq) {
        CallIdHeader callId = (CallIdHeader) rq.getHeader(CallIdHeader.NAME);
        if (callId != null && callId.getCallId().length() > CALL_ID) {
            return Optional.of(new TooLong(CallIdHeader.NAME, CALL_ID));
        }
        if (valueLength(rq.getHeader(UserAgentHeader.NAME)) > USER_AGENT) {
            return Optional.of(new TooLong(UserAgentHeader.NAME, USER_AGENT));
        }
        if (valueLength(rq.getHeader(ContentTypeHeader.NAME)) > CONTENT_TYPE) {
            return Optional.of(new TooLong(ContentTypeHeader.NAME, CONTENT_TYPE));
        }
        Iterator<?> contacts = rq.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress() != null && contact.getAddress().getURI() != null
                    && contact.getAddress().getURI().toString().length() > CONTACT_URI) {
                return Optional.of(new TooLong(ContactHeader.NAME, CONTACT_URI));
            }
        }
        return Optional.empty();
    }

    private static int valueLength(Object header) {
        return header instanceof SIPHeader h ? h.getHeaderValue().length() : 0;
    }
}
