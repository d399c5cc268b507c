package com.crosspoint.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks Digest nonces, and remembers nonce counts to stop replays.
 *
 * <p>A nonce is base64url(timestamp | random | HMAC-SHA256(secret, timestamp | random)): it carries
 * its own age and proves its origin, so issuing one stores nothing and a forged one is caught
 * without a lookup. Only nonces that were actually used are remembered, with the highest nonce
 * count seen, until they go stale; at most {@code maxTrackedNonces} of them, oldest evicted first.
 *
 * <p>Thread-safe; all methods are lock-free except the occasional purge, which one thread at a
 * time does while the others carry on.
 */
public final class NonceService {

    public static final int DEFAULT_MAX_TRACKED_NONCES = 200_000;

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final int TIMESTAMP_BYTES = Long.BYTES;
    private static final int RANDOM_BYTES = 16;
    private static final int SIGNED_BYTES = TIMESTAMP_BYTES + RANDOM_BYTES;
    private static final int MAC_BYTES = 32;
    private static final int NONCE_BYTES = SIGNED_BYTES + MAC_BYTES;
    private static final int NONCE_CHARS = (NONCE_BYTES * 8 + 5) / 6;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreadLocal<Mac> macs;
    private final long ttlMillis;
    private final int maxTrackedNonces;
    private final Clock clock;

    private final ConcurrentHashMap<String, NonceUsage> usageByNonce = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<NonceUsage> usageInFirstUseOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger trackedCount = new AtomicInteger();
    private final AtomicBoolean purging = new AtomicBoolean();
    /** Nonces issued at or before this instant whose usage we no longer know (evicted early). */
    private final AtomicLong forgottenUpToIssuedAt = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param secret           HMAC key, at least 32 bytes; keep it across restarts so outstanding
     *                         nonces stay valid (a new one only costs clients a stale challenge)
     * @param ttl              how long a nonce is VALID after issue
     * @param maxTrackedNonces cap on remembered nonce counts, e.g. {@link #DEFAULT_MAX_TRACKED_NONCES}
     */
    public NonceService(byte[] secret, Duration ttl, int maxTrackedNonces, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(ttl, "ttl");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        if (maxTrackedNonces < 1) {
            throw new IllegalArgumentException("maxTrackedNonces must be positive: " + maxTrackedNonces);
        }
        SecretKeySpec key = new SecretKeySpec(secret.clone(), MAC_ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        this.ttlMillis = ttl.toMillis();
        this.maxTrackedNonces = maxTrackedNonces;
        this.clock = Objects.requireNonNull(clock, "clock");
        macs.get(); // fail fast on a JRE without HmacSHA256
    }

    /** A service with a fresh random secret: nonces from before a restart become INVALID. */
    public static NonceService withRandomSecret(Duration ttl, int maxTrackedNonces, Clock clock) {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new NonceService(secret, ttl, maxTrackedNonces, clock);
    }

    /** A new nonce, 75 base64url characters, valid for the time-to-live from now. */
    public String issue() {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(clock.millis());
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        nonce.put(random);
        nonce.put(mac(nonce.array()));
        return ENCODER.encodeToString(nonce.array());
    }

    /** Whether {@code nonce} is ours and still fresh. Never throws for any input. */
    public NonceStatus check(String nonce) {
        long issuedAt = authenticIssuedAt(nonce);
        if (issuedAt == Long.MIN_VALUE) {
            return NonceStatus.INVALID;
        }
        return isFresh(issuedAt, clock.millis()) ? NonceStatus.VALID : NonceStatus.STALE;
    }

    /**
     * Records that a request with nonce count {@code nc} was authenticated with {@code nonce}. Call
     * it only after the response digest has been verified, so nobody without the password can
     * advance another client's count.
     *
     * <p>RFC 7616 s3.4: "The purpose of this parameter is to allow the server to detect request
     * replays by maintaining its own copy of this count -- if the same nc-value is seen twice, then
     * the request is a replay." Counts must therefore increase; gaps are fine because SIP requests
     * sharing a nonce may arrive out of order or get lost.
     *
     * @return true if {@code nc} is higher than every count accepted before for this nonce; false
     *         for a replay, for a nonce that is not VALID, and for a VALID nonce whose usage was
     *         evicted under memory pressure (we can no longer tell, so we refuse)
     */
    public boolean acceptNonceCount(String nonce, long nc) {
        if (nc < 1) {
            return false;
        }
        long issuedAt = authenticIssuedAt(nonce);
        long now = clock.millis();
        if (issuedAt == Long.MIN_VALUE || !isFresh(issuedAt, now)) {
            return false;
        }
        NonceUsage usage = usageByNonce.get(nonce);
        if (usage == null) {
            if (issuedAt <= forgottenUpToIssuedAt.get()) {
                return false;
            }
            NonceUsage fresh = new NonceUsage(nonce, issuedAt, issuedAt + ttlMillis);
            usage = usageByNonce.putIfAbsent(nonce, fresh);
            if (usage == null) {
                usage = fresh;
                usageInFirstUseOrder.add(fresh);
                trackedCount.incrementAndGet();
                purge(now);
                // An eviction racing with our insert may have forgotten this nonce's earlier counts.
                if (issuedAt <= forgottenUpToIssuedAt.get()) {
                    usageByNonce.remove(nonce, fresh);
                    return false;
                }
            }
        }
        return usage.advanceTo(nc);
    }

    /** How many nonces currently have a remembered count (for metrics and tests). */
    public int trackedNonceCount() {
        return trackedCount.get();
    }

    /** Drops usages of stale nonces, then the oldest ones while over the cap. */
    private void purge(long now) {
        if (!purging.compareAndSet(false, true)) {
            return;
        }
        try {
            NonceUsage head;
            while ((head = usageInFirstUseOrder.peek()) != null) {
                boolean expired = head.expiresAt <= now;
                if (!expired && trackedCount.get() <= maxTrackedNonces) {
                    break;
                }
                usageInFirstUseOrder.poll();
                trackedCount.decrementAndGet();
                if (!expired) {
                    // Raise the watermark before removing so a concurrent first use cannot miss both.
                    forgottenUpToIssuedAt.accumulateAndGet(head.issuedAt, Math::max);
                }
                usageByNonce.remove(head.nonce, head);
            }
        } finally {
            purging.set(false);
        }
    }

    private boolean isFresh(long issuedAt, long now) {
        // A nonce from the future means the clock stepped back; treating it as stale is the safe side.
        return issuedAt <= now && now - issuedAt < ttlMillis;
    }

    /** The issue time of an authentic nonce in epoch millis, or Long.MIN_VALUE if it is not ours. */
    private long authenticIssuedAt(String nonce) {
        if (nonce == null || nonce.length() != NONCE_CHARS || !isBase64Url(nonce)) {
            return Long.MIN_VALUE;
        }
        byte[] raw = DECODER.decode(nonce);
        // The decoder ignores the unused low bits of the last character; without this check one
        // nonce would have several spellings and each would get its own nonce-count record.
        if (!ENCODER.encodeToString(raw).equals(nonce)) {
            return Long.MIN_VALUE;
        }
        byte[] expectedMac = mac(Arrays.copyOf(raw, SIGNED_BYTES));
        if (!MessageDigest.isEqual(expectedMac, Arrays.copyOfRange(raw, SIGNED_BYTES, NONCE_BYTES))) {
            return Long.MIN_VALUE;
        }
        return ByteBuffer.wrap(raw).getLong();
    }

    private byte[] mac(byte[] bufferStartingWithSignedPart) {
        Mac mac = macs.get();
        mac.update(bufferStartingWithSignedPart, 0, SIGNED_BYTES);
        return mac.doFinal();
    }

    private static boolean isBase64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Java SE requires HmacSHA256 and the key is a plain byte array: this is a broken runtime.
            throw new IllegalStateException("cannot initialise " + MAC_ALGORITHM, e);
        }
    }

    /** The highest nonce count accepted so far for one nonce. */
    private static final class NonceUsage {
        final String nonce;
        final long issuedAt;
        final long expiresAt;
        private final AtomicLong highestNc = new AtomicLong();

        NonceUsage(String nonce, long issuedAt, long expiresAt) {
            this.nonce = nonce;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        boolean advanceTo(long nc) {
            while (true) {
                long current = highestNc.get();
                if (nc <= current) {
                    return false;
                }
                if (highestNc.compareAndSet(current, nc)) {
                    return true;
                }
            }
        }
    }
}
