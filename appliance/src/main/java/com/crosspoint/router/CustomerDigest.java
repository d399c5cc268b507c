package com.crosspoint.router;

import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.AuthResult;
import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestVerifier;
import com.crosspoint.auth.NonceService;
import com.crosspoint.auth.StoredCredential;
import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.HeaderName;
import com.crosspoint.proxy.wire.SipMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers known by digest ({@code router.digestCustomers}) rather than by source address: a PBX or tenant whose
 * address changes. An INVITE without credentials is challenged (407, qop=auth, one Proxy-Authenticate for each
 * algorithm of {@code sip.auth.algorithms}, in its order, as the PBX challenges); a right answer
 * admits it; a wrong one, or an unknown username, is refused with 403 instead of a new challenge, so a guesser learns
 * nothing more from a second try; a right answer on an old or replayed nonce gets a stale challenge. A source that
 * guesses wrong too often ({@code sip.auth.failureLimit} within its window) is refused 403 unheard for
 * {@code sip.auth.blockSeconds}, as the PBX's registrar does. Only the HA1 hashes are kept. Thread-safe: the nonces and
 * the throttle are, and the accounts do not change.
 */
public final class CustomerDigest {
    public static final String REALM = "crosspoint-router";
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final RoutingDecision WRONG = new RoutingDecision.Refuse(403, "Forbidden");

    private final Map<String, StoredCredential> accounts;
    private final List<DigestAlgorithm> offered;
    private final DigestVerifier verifier;
    private final AuthFailureThrottle guesses;

    private CustomerDigest(Map<String, StoredCredential> accounts, List<DigestAlgorithm> offered,
            AuthFailureThrottle guesses, Clock clock) {
        this.accounts = Map.copyOf(accounts);
        this.offered = List.copyOf(offered);
        this.guesses = guesses;
        this.verifier = new DigestVerifier(NonceService.withRandomSecret(NONCE_LIFETIME,
                NonceService.DEFAULT_MAX_TRACKED_NONCES, clock));
    }

    /**
     * @param entries "username:password" (checked by the configuration)
     * @param offered the algorithms offered, most preferred first
     * @param guesses  the wrong answers counted per source address
     */
    public static CustomerDigest of(List<String> entries, List<DigestAlgorithm> offered, AuthFailureThrottle guesses,
            Clock clock) {
        Map<String, StoredCredential> accounts = new HashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String user = entry.substring(0, colon);
            accounts.put(user, StoredCredential.fromPassword(user, REALM, entry.substring(colon + 1)));
        }
        return new CustomerDigest(accounts, offered, guesses, clock);
    }

    /** The customers' usernames. */
    public Set<String> usernames() {
        return accounts.keySet();
    }

    /** Whether any customer is known by digest (else strangers get 403 without a challenge). */
    public boolean enabled() {
        return !accounts.isEmpty();
    }

    /**
     * @param source the sender's address, whose wrong answers are counted
     * @return the customer admitted, or the 407 or 403 to send
     */
    public Outcome check(SipMessage request, String source) {
        if (guesses.isBlocked(source)) {
            return new Refused(WRONG);
        }
        AuthResult result = verifier.verify("INVITE", credentials(request), REALM,
                user -> Optional.ofNullable(accounts.get(user)));
        if (result instanceof AuthResult.Authenticated a) {
            return new Admitted(a.username());
        }
        AuthResult.Challenge c = (AuthResult.Challenge) result;
        guesses.recordFailure(source, c.reason());
        return switch (c.reason()) {
            case UNKNOWN_USER, BAD_RESPONSE -> new Refused(WRONG);
            default -> new Refused(challenge(c));
        };
    }

    /** What {@link #check} found. */
    public sealed interface Outcome permits Admitted, Refused {
    }

    /** A right answer from the customer {@code username}. */
    public record Admitted(String username) implements Outcome {
    }

    /** No right answer: {@code response} (407 or 403) goes back. */
    public record Refused(RoutingDecision response) implements Outcome {
    }

    private RoutingDecision challenge(AuthResult.Challenge c) {
        StringBuilder lines = new StringBuilder();
        for (DigestAlgorithm algorithm : offered) {
            lines.append("Proxy-Authenticate: ").append(c.challenge().headerValue(algorithm)).append("\r\n");
        }
        return new RoutingDecision.Refuse(407, "Proxy Authentication Required", -1, lines.toString());
    }

    /** The Proxy-Authorization value for this realm (a request may carry others' too), else the first, else null. */
    private static String credentials(SipMessage m) {
        String first = null;
        for (int h = m.first(HeaderName.PROXY_AUTHORIZATION); h >= 0; h = m.nextSame(h)) {
            String value = Ascii.string(m.buffer(), m.valueStart(h), m.valueEnd(h));
            if (value.contains("realm=\"" + REALM + "\"")) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }
}
