package com.crosspoint.proxy.wire;

/**
 * Via branch values of this proxy (RFC 3261 §8.1.1.7, §16.6 step 8, §16.3 step 4):
 * {@code z9hG4bK} + {@code cx} + 16 hex digits of a loop hash + {@code .} + the fork index.
 * The loop hash covers what identifies the request as received (To tag, From tag, Call-ID,
 * Request-URI, the top Via's branch and sent-by, CSeq number, Proxy-Require, Proxy-Authorization):
 * a retransmission hashes the same and gets the same branch, and a request that comes back with an
 * unchanged hash is a loop, while a spiral (a changed Request-URI) hashes differently. Of the top Via
 * only branch and sent-by count, because the proxy itself adds received/rport to it; Route is left
 * out because the proxy pops its own entries, so a looping request would not hash the same.
 */
public final class Branches {
    /** RFC 3261's magic cookie. */
    public static final String COOKIE = "z9hG4bK";
    /** Marks branches this proxy made. */
    public static final String PREFIX = COOKIE + "cx";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte[] HEX = Ascii.bytes("0123456789abcdef");

    private Branches() {
    }

    /** The loop hash of a request (FNV-1a over the fields of §16.6 step 8, each followed by a separator). */
    public static long loopHash(SipMessage m) {
        return loopHash(m, m.topVia());
    }

    /**
     * The loop hash the request would have had with {@code via} as its top Via: for loop detection, the
     * Via below one of ours is the top Via the request had when we forwarded it (§16.3 step 4).
     */
    public static long loopHash(SipMessage m, ViaValue via) {
        byte[] b = m.buffer();
        long h = FNV_OFFSET;
        h = mix(h, b, m.toTagStart(), m.toTagEnd());
        h = mix(h, b, m.fromTagStart(), m.fromTagEnd());
        int callId = m.first(HeaderName.CALL_ID);
        h = mix(h, b, m.valueStart(callId), m.valueEnd(callId));
        h = mix(h, b, m.uriStart(), m.uriEnd());
        h = mix(h, b, via.branchStart(), via.branchEnd());
        h = mix(h, b, via.hostStart(), via.hostEnd());
        h = mixLong(h, via.port());
        h = mixLong(h, m.cseq());
        h = mixAll(h, m, HeaderName.PROXY_REQUIRE);
        return mixAll(h, m, HeaderName.PROXY_AUTHORIZATION);
    }

    private static long mixAll(long h, SipMessage m, HeaderName name) {
        for (int i = m.first(name); i >= 0; i = m.nextSame(i)) {
            h = mix(h, m.buffer(), m.valueStart(i), m.valueEnd(i));
        }
        return h;
    }

    private static long mix(long h, byte[] b, int s, int e) {
        for (int i = s; i >= 0 && i < e; i++) {
            h = (h ^ (b[i] & 0xff)) * FNV_PRIME;
        }
        return (h ^ 0x1f) * FNV_PRIME;
    }

    private static long mixLong(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (i * 8)) & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** Appends {@code z9hG4bKcx<hash>.<fork>} to the sink. */
    public static void write(ByteSink out, long loopHash, int fork) {
        out.append(PREFIX);
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (loopHash >>> shift) & 0xf]);
        }
        out.append((byte) '.');
        out.appendInt(fork);
    }

    /** The branch as a string, for transaction tables. */
    public static String toString(long loopHash, int fork) {
        ByteSink sink = new ByteSink(32);
        write(sink, loopHash, fork);
        return sink.toString();
    }

    /** Whether the branch in {@code [s, e)} was made by this proxy. */
    public static boolean ours(byte[] b, int s, int e) {
        return s >= 0 && e - s > PREFIX.length() + 16 && Ascii.regionEquals(b, s, s + PREFIX.length(), PREFIX);
    }

    /** The loop hash inside one of our branches; call only when {@link #ours} holds. */
    public static long hashOf(byte[] b, int s) {
        long h = 0;
        for (int i = s + PREFIX.length(); i < s + PREFIX.length() + 16; i++) {
            int c = b[i];
            int d = c >= 'a' ? c - 'a' + 10 : c - '0';
            h = (h << 4) | (d & 0xf);
        }
        return h;
    }
}
