package com.crosspoint.relay.turn;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureReason;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.NonceStatus;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.Integrity;
import com.crosspoint.relay.stun.PasswordAlgorithm;
import com.crosspoint.relay.stun.StunMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-term credential mechanism on the server side, RFC 8489 s9.2.4, with the SIP digest's guards in front: a
 * source that failed too often ({@link AuthFailureThrottle}) and an account backing off ({@link AccountFailureBudget},
 * shared with SIP, so TURN buys a guesser no extra guesses) are refused (403) before any key is tried. Unknown users
 * and wrong passwords look the same to the client (401) and count alike.
 */
public final class TurnAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(TurnAuthenticator.class);
    /** What a PASSWORD-ALGORITHMS we send holds: SHA-256 first (preferred), then MD5. */
    static final byte[] OFFERED_ALGORITHMS = concat(PasswordAlgorithm.SHA_256.entry(), PasswordAlgorithm.MD5.entry());

    private final CredentialSource credentials;
    private final Supplier<Optional<String>> realm;
    private final TurnNonces nonces;
    private final AuthFailureThrottle sources;
    private final AccountFailureBudget accounts;

    /** @param realm the realm challenges name (empty while there is no tenant) */
    public TurnAuthenticator(CredentialSource credentials, Supplier<Optional<String>> realm, TurnNonces nonces,
                             AuthFailureThrottle sources, AccountFailureBudget accounts) {
        this.credentials = credentials;
        this.realm = realm;
        this.nonces = nonces;
        this.sources = sources;
        this.accounts = accounts;
    }

    /** The realm to challenge with (empty: no tenant, nobody can authenticate). */
    public Optional<String> realm() {
        return realm.get();
    }

    public String newNonce() {
        return nonces.issue();
    }

    public AuthOutcome authenticate(StunMessage request, String source) {
        int integrityType = Integrity.integrityType(request);
        if (integrityType == 0) {
            return new AuthOutcome.Refused(ErrorCode.UNAUTHENTICATED, true); // s9.2.4: the first request of all
        }
        Optional<String> username = request.text(AttributeType.USERNAME);
        Optional<String> requestRealm = request.text(AttributeType.REALM);
        Optional<String> nonce = request.text(AttributeType.NONCE);
        if (username.isEmpty() || requestRealm.isEmpty() || nonce.isEmpty()) {
            // USERHASH alone lands here too: users are not looked up by hash.
            return new AuthOutcome.Refused(ErrorCode.BAD_REQUEST, false);
        }
        if (sources.isBlocked(source)) {
            return new AuthOutcome.Refused(ErrorCode.FORBIDDEN, false);
        }
        if (nonces.check(nonce.get()) != NonceStatus.VALID) {
            return new AuthOutcome.Refused(ErrorCode.STALE_NONCE, true);
        }
        Optional<PasswordAlgorithm> algorithm = passwordAlgorithm(request);
        if (algorithm.isEmpty()) {
            return new AuthOutcome.Refused(ErrorCode.BAD_REQUEST, false);
        }
        String account = username.get() + "@" + requestRealm.get();
        if (!accounts.allows(account, source)) {
            return new AuthOutcome.Refused(ErrorCode.FORBIDDEN, false);
        }
        Optional<TurnAccount> found = credentials.find(username.get(), requestRealm.get());
        Optional<byte[]> key = found.flatMap(a -> a.key(algorithm.get()));
        if (key.isEmpty()) {
            return fail(AuthFailureReason.UNKNOWN_USER, account, source);
        }
        if (!Integrity.verify(request, key.get())) {
            return fail(AuthFailureReason.BAD_RESPONSE, account, source);
        }
        accounts.recordSuccess(account, source);
        return new AuthOutcome.Authenticated(found.get(), username.get(), requestRealm.get(), key.get(),
                integrityType);
    }

    /**
     * s9.2.4: PASSWORD-ALGORITHMS and PASSWORD-ALGORITHM come together or not at all; the list must be the one we
     * offered and the choice one of it. Without them the key is MD5's.
     */
    private static Optional<PasswordAlgorithm> passwordAlgorithm(StunMessage request) {
        Optional<byte[]> offered = request.value(AttributeType.PASSWORD_ALGORITHMS);
        Optional<byte[]> chosen = request.value(AttributeType.PASSWORD_ALGORITHM);
        if (offered.isEmpty() && chosen.isEmpty()) {
            return Optional.of(PasswordAlgorithm.MD5);
        }
        if (offered.isEmpty() || chosen.isEmpty() || !Arrays.equals(offered.get(), OFFERED_ALGORITHMS)
                || chosen.get().length < 4 || chosen.get()[2] != 0 || chosen.get()[3] != 0) {
            return Optional.empty();
        }
        return PasswordAlgorithm.ofNumber(((chosen.get()[0] & 0xFF) << 8) | (chosen.get()[1] & 0xFF));
    }

    private AuthOutcome fail(AuthFailureReason reason, String account, String source) {
        if (sources.recordFailure(source, reason)) {
            LOG.warn("TURN: blocking {} after repeated authentication failures", source);
        }
        accounts.recordFailure(account, source).ifPresent(b -> LOG.warn(
                "TURN: account {} backs off for {} s: {} failed attempts from {} addresses", b.account(),
                b.duration().toSeconds(), b.failures(), b.sources()));
        LOG.debug("TURN: {} for {} from {}", reason, account, source);
        return new AuthOutcome.Refused(ErrorCode.UNAUTHENTICATED, true);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
