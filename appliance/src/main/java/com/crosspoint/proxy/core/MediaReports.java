package com.crosspoint.proxy.core;

import com.crosspoint.proxy.wire.ExtensionHeader;
import com.crosspoint.proxy.wire.SipMessage;

/**
 * Where a user agent reports, at a dialog's end, how the media it received went: the {@code X-RTP-Stat} header on
 * its BYE or on its answer to the other side's BYE (docs/adr/0014). The proxy passes the value on uninterpreted;
 * the observer of the dialog reads it.
 */
final class MediaReports {
    static final String HEADER = "X-RTP-Stat";
    private static final ExtensionHeader FIELD = new ExtensionHeader(HEADER);

    private MediaReports() {
    }

    /** The report on {@code m}, or null when it has none. */
    static String of(SipMessage m) {
        return FIELD.value(m);
    }
}
