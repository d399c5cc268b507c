package com.crosspoint.media.codec;

/**
 * A sample-by-sample telephone codec between 16-bit linear PCM and RTP payload bytes. Implementations are
 * stateless and safe to share; the caller owns and reuses the arrays, so nothing is allocated per frame.
 */
public interface AudioCodec {

    /** The RTP/SDP encoding name, e.g. {@code PCMU}. */
    String name();

    /** The static RTP payload type of RFC 3551, e.g. 0 for PCMU. */
    int payloadType();

    /** The RTP clock rate in Hz. */
    int clockRate();

    /**
     * Encodes {@code len} samples starting at {@code pcm[off]} into {@code out[0..)}.
     *
     * @return the number of bytes written
     */
    int encode(short[] pcm, int off, int len, byte[] out);

    /**
     * Decodes {@code len} bytes starting at {@code payload[off]} into {@code out[0..)}.
     *
     * @return the number of samples written
     */
    int decode(byte[] payload, int off, int len, short[] out);
}
