package com.crosspoint.router;

import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.SipMessage;

/**
 * The number a call is for: the user part of a {@code sip:}/{@code sips:} Request-URI, or the number of a
 * {@code tel:} URI, without its parameters ({@code +16175551234} of {@code sip:+16175551234;npdi@host;user=phone}).
 */
public final class DialledNumber {
    private DialledNumber() {
    }

    /** @return the number, or null when the Request-URI names no user (a request for the router itself) */
    public static String of(SipMessage request) {
        byte[] b = request.buffer();
        int s = request.uriStart();
        int e = request.uriEnd();
        int colon = Ascii.indexOf(b, s, e, (byte) ':');
        if (colon < 0) {
            return null;
        }
        boolean tel = colon - s == 3 && Ascii.startsWithIgnoreCase(b, s, e, "tel:");
        int userEnd = tel ? e : Ascii.indexOf(b, colon + 1, e, (byte) '@');
        if (userEnd < 0) {
            return null;
        }
        int semicolon = Ascii.indexOf(b, colon + 1, userEnd, (byte) ';');
        int end = semicolon >= 0 ? semicolon : userEnd;
        return end > colon + 1 ? Ascii.string(b, colon + 1, end) : null;
    }
}
