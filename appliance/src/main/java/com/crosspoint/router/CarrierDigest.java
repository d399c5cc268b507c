package com.crosspoint.router;

import com.crosspoint.auth.DigestAnswer;
import com.crosspoint.model.CarrierCredentials;
import com.crosspoint.proxy.core.ChallengeResponder;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.HeaderName;
import com.crosspoint.proxy.wire.SipMessage;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The router's answer to a carrier's digest challenge, with the carrier's credentials ({@code Carrier.credentials}):
 * a 401's {@code WWW-Authenticate} gets an {@code Authorization}, a 407's {@code Proxy-Authenticate} a
 * {@code Proxy-Authorization}, computed by {@link DigestAnswer} for the first challenge it can answer (the carrier's
 * order of preference, e.g. SHA-256 before MD5) over the method and Request-URI the router sent.
 */
final class CarrierDigest implements ChallengeResponder {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final CarrierCredentials credentials;

    CarrierDigest(CarrierCredentials credentials) {
        this.credentials = credentials;
    }

    /** The responder for a carrier's credentials: {@link ChallengeResponder#NONE} without any. */
    static ChallengeResponder of(CarrierCredentials credentials) {
        return credentials == null ? ChallengeResponder.NONE : new CarrierDigest(credentials);
    }

    @Override
    public String answer(SipMessage challenge, SipMessage sent) {
        boolean proxy = challenge.status() == 407;
        List<String> offers = values(challenge, proxy ? "proxy-authenticate" : "www-authenticate");
        byte[] b = sent.buffer();
        String method = Ascii.string(b, sent.methodStart(), sent.methodEnd());
        String uri = Ascii.string(b, sent.uriStart(), sent.uriEnd());
        try {
            return DigestAnswer.answer(offers, credentials.username(), credentials.password(), method, uri, cnonce())
                    .map(value -> (proxy ? "Proxy-Authorization: " : "Authorization: ") + value + "\r\n").orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // a user name that cannot be quoted into a header
        }
    }

    /** The values of every header field with this (lower-case) name, in order. */
    static List<String> values(SipMessage m, String name) {
        byte[] b = m.buffer();
        List<String> values = new ArrayList<>(2);
        for (int h = 0; h < m.headerCount(); h++) {
            if (m.name(h) != HeaderName.OTHER) {
                continue;
            }
            int start = m.lineStart(h);
            int colon = Ascii.indexOf(b, start, m.valueStart(h), (byte) ':');
            if (colon > 0 && Ascii.equalsIgnoreCase(b, start, Ascii.trimEnd(b, start, colon), name)) {
                values.add(Ascii.string(b, m.valueStart(h), m.valueEnd(h)));
            }
        }
        return values;
    }

    private static String cnonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
