package com.crosspoint.media.engine;

/**
 * The media engine's settings, the {@code media:} section of {@code config/crosspoint.yaml} (bound and validated,
 * with the key named in every error, by the config package).
 *
 * @param portMin               lowest RTP port ({@code media.portMin}); RTP ports are even, RTCP is RTP + 1
 * @param portMax               highest port of the range, RTCP included ({@code media.portMax})
 * @param receiveThreads        NIO selector threads receiving RTP/RTCP ({@code media.receiveThreads})
 * @param jitterDepthFrames     20 ms frames a talkspurt is held before playout ({@code media.jitterDepthFrames})
 * @param maxRecordingSeconds   a recording stops at this length ({@code media.maxRecordingSeconds})
 * @param silenceTimeoutSeconds a recording stops after this much silence ({@code media.silenceTimeoutSeconds})
 * @param silenceThresholdDbfs  frames below this RMS level count as silence ({@code media.silenceThresholdDbfs})
 * @param rtcpIntervalMillis    mean RTCP report interval, randomised ±50 % ({@code media.rtcpIntervalMillis})
 * @param relatchPackets        consecutive packets from a new source before RTP is re-latched to it
 *                              ({@code media.relatchPackets})
 * @param socketBufferBytes     receive/send buffer asked of the kernel per socket ({@code media.socketBufferBytes})
 */
public record MediaConfig(int portMin, int portMax, int receiveThreads, int jitterDepthFrames,
                          int maxRecordingSeconds, int silenceTimeoutSeconds, int silenceThresholdDbfs,
                          int rtcpIntervalMillis, int relatchPackets, int socketBufferBytes) {

    /** The defaults of {@code config/crosspoint.yaml}. */
    public static final MediaConfig DEFAULTS = new MediaConfig(20000, 29999, 2, 3, 180, 5, -45, 5000, 5, 131072);

    public MediaConfig {
        if (portMin < 1 || portMax > 65535 || portMax - portMin < 1) {
            throw new IllegalArgumentException("port range must hold at least one RTP/RTCP pair: "
                    + portMin + ".." + portMax);
        }
        if (receiveThreads < 1 || jitterDepthFrames < 0 || maxRecordingSeconds < 1 || silenceTimeoutSeconds < 1
                || silenceThresholdDbfs > 0 || rtcpIntervalMillis < 100 || relatchPackets < 1
                || socketBufferBytes < 1024) {
            throw new IllegalArgumentException("invalid media configuration: " + this);
        }
    }

    public MediaConfig withPorts(int min, int max) {
        return new MediaConfig(min, max, receiveThreads, jitterDepthFrames, maxRecordingSeconds,
                silenceTimeoutSeconds, silenceThresholdDbfs, rtcpIntervalMillis, relatchPackets, socketBufferBytes);
    }

    public MediaConfig withRtcpIntervalMillis(int millis) {
        return new MediaConfig(portMin, portMax, receiveThreads, jitterDepthFrames, maxRecordingSeconds,
                silenceTimeoutSeconds, silenceThresholdDbfs, millis, relatchPackets, socketBufferBytes);
    }
}
