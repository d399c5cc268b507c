package com.crosspoint.media.rtcp;

import com.crosspoint.media.rtcp.MalformedRtcpException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The type-specific bodies (everything after the 4-byte common header) of SR, RR, SDES and BYE.
 * Every read is bounds-checked first, so garbage ends in {@link MalformedRtcpException}.
 */
final class RtcpBodyCodec {
    /*
     * SR body:                                    RR body:
     * |                SSRC of sender             |  |             SSRC of packet sender         |
     * |          NTP timestamp, most significant  |  |         report block 1 ... RC             |
     * |          NTP timestamp, least significant |
     * |                RTP timestamp              |
     * |            sender's packet count          |
     * |            sender's octet count           |
     * |          report block 1 ... RC            |
     *
     * report block (24 bytes):
     * |                 SSRC_n (source identifier)                    |
     * | fraction lost |       cumulative number of packets lost       |
     * |           extended highest sequence number received           |
     * |                      interarrival jitter                      |
     * |                         last SR (LSR)                         |
     * |                   delay since last SR (DLSR)                  |
     *
     * SDES chunk: | SSRC/CSRC | type | length | text ... | ... | 0 | pad to 32 bits |
     * BYE: | SSRC/CSRC ... SC | length | reason for leaving ... | pad |
     */
    private static final int SSRC_LENGTH = 4;
    private static final int SR_OFFSET_SSRC = 0;
    private static final int SR_OFFSET_NTP = 4;
    private static final int SR_OFFSET_RTP_TIMESTAMP = 12;
    private static final int SR_OFFSET_PACKET_COUNT = 16;
    private static final int SR_OFFSET_OCTET_COUNT = 20;
    private static final int RR_OFFSET_SSRC = 0;
    private static final int RB_OFFSET_SSRC = 0;
    private static final int RB_OFFSET_LOSS = 4;
    private static final int RB_OFFSET_HIGHEST_SEQUENCE = 8;
    private static final int RB_OFFSET_JITTER = 12;
    private static final int RB_OFFSET_LSR = 16;
    private static final int RB_OFFSET_DLSR = 20;
    private static final int SDES_OFFSET_ITEM_LENGTH = 1;
    private static final int SDES_ITEM_HEADER_LENGTH = 2;
    private static final int SENDER_INFO_LENGTH = 20;
    private static final int REPORT_BLOCK_LENGTH = 24;
    private static final int SDES_END = 0;

    private RtcpBodyCodec() {
    }

    static RtcpPacket read(int packetType, int count, ByteBuffer body) throws MalformedRtcpException {
        if (packetType == RtcpPacket.SR) {
            return readSenderReport(count, body);
        }
        if (packetType == RtcpPacket.RR) {
            return readReceiverReport(count, body);
        }
        if (packetType == RtcpPacket.SDES) {
            return readSourceDescription(count, body);
        }
        if (packetType == RtcpPacket.BYE) {
            return readGoodbye(count, body);
        }
        // a padded body of an unknown type loses its padding; re-pad to words so it re-writes cleanly
        byte[] bytes = new byte[(body.remaining() + 3) / 4 * 4];
        body.get(0, bytes, 0, body.remaining());
        return new UnknownRtcpPacket(packetType, count, bytes);
    }

    private static SenderReport readSenderReport(int count, ByteBuffer body) throws MalformedRtcpException {
        requireLength(body, SSRC_LENGTH + SENDER_INFO_LENGTH + count * REPORT_BLOCK_LENGTH, count + " report blocks");
        return new SenderReport(u32(body, SR_OFFSET_SSRC), NtpTime.fromBits(body.getLong(SR_OFFSET_NTP)),
                u32(body, SR_OFFSET_RTP_TIMESTAMP), u32(body, SR_OFFSET_PACKET_COUNT), u32(body, SR_OFFSET_OCTET_COUNT),
                readReportBlocks(body, SSRC_LENGTH + SENDER_INFO_LENGTH, count));
    }

    private static ReceiverReport readReceiverReport(int count, ByteBuffer body) throws MalformedRtcpException {
        requireLength(body, SSRC_LENGTH + count * REPORT_BLOCK_LENGTH, count + " report blocks");
        return new ReceiverReport(u32(body, RR_OFFSET_SSRC), readReportBlocks(body, SSRC_LENGTH, count));
    }

    private static List<ReportBlock> readReportBlocks(ByteBuffer body, int offset, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = offset + i * REPORT_BLOCK_LENGTH;
            int lossWord = body.getInt(at + RB_OFFSET_LOSS);
            // the low 24 bits are two's complement: shift up and back down to sign-extend
            int cumulativeLost = lossWord << 8 >> 8;
            blocks.add(new ReportBlock(u32(body, at + RB_OFFSET_SSRC), lossWord >>> 24, cumulativeLost,
                    u32(body, at + RB_OFFSET_HIGHEST_SEQUENCE), u32(body, at + RB_OFFSET_JITTER),
                    u32(body, at + RB_OFFSET_LSR), u32(body, at + RB_OFFSET_DLSR)));
        }
        return blocks;
    }

    private static SourceDescription readSourceDescription(int count, ByteBuffer body) throws MalformedRtcpException {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int offset = 0;
        for (int c = 0; c < count; c++) {
            if (body.remaining() - offset < SSRC_LENGTH) {
                throw new MalformedRtcpException(Reason.COUNT_BEYOND_LENGTH, count + " SDES chunks do not fit");
            }
            long ssrc = u32(body, offset);
            offset += SSRC_LENGTH;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (offset >= body.remaining()) {
                    throw new MalformedRtcpException(Reason.BAD_SDES_ITEM, "chunk " + c + " has no end item");
                }
                int type = body.get(offset) & 0xFF;
                if (type == SDES_END) {
                    // the null item, then zeros up to the next word boundary
                    offset = (offset / 4 + 1) * 4;
                    break;
                }
                if (offset + SDES_ITEM_HEADER_LENGTH > body.remaining()) {
                    throw new MalformedRtcpException(Reason.BAD_SDES_ITEM, "item header beyond the chunk");
                }
                int textLength = body.get(offset + SDES_OFFSET_ITEM_LENGTH) & 0xFF;
                if (offset + SDES_ITEM_HEADER_LENGTH + textLength > body.remaining()) {
                    throw new MalformedRtcpException(Reason.BAD_SDES_ITEM, "item text beyond the chunk");
                }
                items.add(new SdesItem(type, text(body, offset + SDES_ITEM_HEADER_LENGTH, textLength,
                        Reason.BAD_SDES_ITEM)));
                offset += SDES_ITEM_HEADER_LENGTH + textLength;
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    private static Goodbye readGoodbye(int count, ByteBuffer body) throws MalformedRtcpException {
        requireLength(body, count * SSRC_LENGTH, count + " BYE sources");
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(u32(body, i * SSRC_LENGTH));
        }
        int offset = count * SSRC_LENGTH;
        String reason = null;
        if (offset < body.remaining()) {
            int reasonLength = body.get(offset) & 0xFF;
            if (offset + 1 + reasonLength > body.remaining()) {
                throw new MalformedRtcpException(Reason.BAD_BYE_REASON, reasonLength + " bytes of reason do not fit");
            }
            // a zero length byte is just word padding, not an empty reason
            reason = reasonLength == 0 ? null : text(body, offset + 1, reasonLength, Reason.BAD_BYE_REASON);
        }
        return new Goodbye(ssrcs, reason);
    }

    static int count(RtcpPacket packet) {
        if (packet instanceof SenderReport sr) {
            return sr.reports().size();
        }
        if (packet instanceof ReceiverReport rr) {
            return rr.reports().size();
        }
        if (packet instanceof SourceDescription sdes) {
            return sdes.chunks().size();
        }
        if (packet instanceof Goodbye bye) {
            return bye.ssrcs().size();
        }
        return ((UnknownRtcpPacket) packet).count();
    }

    static int bodyLength(RtcpPacket packet) {
        if (packet instanceof SenderReport sr) {
            return SSRC_LENGTH + SENDER_INFO_LENGTH + sr.reports().size() * REPORT_BLOCK_LENGTH;
        }
        if (packet instanceof ReceiverReport rr) {
            return SSRC_LENGTH + rr.reports().size() * REPORT_BLOCK_LENGTH;
        }
        if (packet instanceof SourceDescription sdes) {
            int length = 0;
            for (SdesChunk chunk : sdes.chunks()) {
                int items = 0;
                for (SdesItem item : chunk.items()) {
                    items += 2 + utf8(item.text()).length;
                }
                // at least one null octet ends the item list, then pad to a word
                length += SSRC_LENGTH + (items / 4 + 1) * 4;
            }
            return length;
        }
        if (packet instanceof Goodbye bye) {
            int reason = bye.reason() == null ? 0 : (1 + utf8(bye.reason()).length + 3) / 4 * 4;
            return bye.ssrcs().size() * SSRC_LENGTH + reason;
        }
        return ((UnknownRtcpPacket) packet).body().length;
    }

    static void write(RtcpPacket packet, ByteBuffer out) {
        int start = out.position();
        if (packet instanceof SenderReport sr) {
            out.putInt((int) sr.ssrc());
            out.putLong(sr.ntpTime().toBits());
            out.putInt((int) sr.rtpTimestamp());
            out.putInt((int) sr.packetCount());
            out.putInt((int) sr.octetCount());
            sr.reports().forEach(block -> writeReportBlock(block, out));
        } else if (packet instanceof ReceiverReport rr) {
            out.putInt((int) rr.ssrc());
            rr.reports().forEach(block -> writeReportBlock(block, out));
        } else if (packet instanceof SourceDescription sdes) {
            for (SdesChunk chunk : sdes.chunks()) {
                int chunkStart = out.position();
                out.putInt((int) chunk.ssrc());
                for (SdesItem item : chunk.items()) {
                    byte[] text = utf8(item.text());
                    out.put((byte) item.type()).put((byte) text.length).put(text);
                }
                int itemsLength = out.position() - chunkStart - SSRC_LENGTH;
                out.put(new byte[(itemsLength / 4 + 1) * 4 - itemsLength]);
            }
        } else if (packet instanceof Goodbye bye) {
            bye.ssrcs().forEach(ssrc -> out.putInt(ssrc.intValue()));
            if (bye.reason() != null) {
                byte[] text = utf8(bye.reason());
                out.put((byte) text.length).put(text);
            }
        } else {
            out.put(((UnknownRtcpPacket) packet).body());
        }
        // zero-fill up to the word boundary the length field promised
        out.put(new byte[bodyLength(packet) - (out.position() - start)]);
    }

    private static void writeReportBlock(ReportBlock block, ByteBuffer out) {
        out.putInt((int) block.ssrc());
        out.putInt(block.fractionLost() << 24 | block.cumulativeLost() & 0xFF_FFFF);
        out.putInt((int) block.extendedHighestSequence());
        out.putInt((int) block.jitter());
        out.putInt((int) block.lastSenderReport());
        out.putInt((int) block.delaySinceLastSenderReport());
    }

    private static void requireLength(ByteBuffer body, int needed, String what) throws MalformedRtcpException {
        if (body.remaining() < needed) {
            throw new MalformedRtcpException(Reason.COUNT_BEYOND_LENGTH, what + " need " + needed + " bytes, body has "
                    + body.remaining());
        }
    }

    private static long u32(ByteBuffer body, int offset) {
        return Integer.toUnsignedLong(body.getInt(offset));
    }

    // strict: a lenient decode could grow past 255 bytes and fail the record's check unchecked
    private static String text(ByteBuffer body, int offset, int length, Reason reason) throws MalformedRtcpException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(body.slice(offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRtcpException(reason, "text is not UTF-8");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
