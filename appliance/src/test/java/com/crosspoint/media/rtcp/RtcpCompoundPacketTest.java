package com.crosspoint.media.rtcp;

import static com.crosspoint.media.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.crosspoint.media.rtcp.MalformedRtcpException.Reason;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpCompoundPacketTest {

    // an SR with one report block, built by hand from RFC 3550 §6.4.1
    private static final byte[] SENDER_REPORT = bytes("""
            81 C8 00 0C     // V=2 P=0 RC=1 | PT=200 SR | length 12 (13 words)
            11 22 33 44     // SSRC of sender
            83 AA 7E 80     // NTP seconds 2208988800 = 1970-01-01T00:00:00Z
            80 00 00 00     // NTP fraction 0.5 s
            00 00 1F 40     // RTP timestamp 8000
            00 00 00 32     // sender's packet count 50
            00 00 1F 40     // sender's octet count 8000 (50 x 160)
            55 66 77 88     // report block: SSRC_1
            40 FF FF FE     // fraction lost 64/256 | cumulative lost -2 (24-bit two's complement)
            00 01 00 05     // extended highest sequence: 1 cycle, seq 5
            00 00 00 10     // interarrival jitter 16
            B7 05 20 00     // LSR (the RFC 3550 §6.4.1 example)
            00 05 40 00     // DLSR 5.25 s
            """);
    private static final SenderReport SR = new SenderReport(0x11223344L, new NtpTime(2_208_988_800L, 0x8000_0000L),
            8000, 50, 8000, List.of(new ReportBlock(0x55667788L, 64, -2, 0x0001_0005L, 16, 0xB705_2000L, 0x0005_4000L)));

    private static final byte[] SDES_CNAME = bytes("""
            81 CA 00 03     // V=2 P=0 SC=1 | PT=202 SDES | length 3
            11 22 33 44     // chunk SSRC
            01 02 61 62     // CNAME, 2 bytes, "ab"
            00 00 00 00     // null item, padding to the word
            """);
    private static final byte[] BYE_WITH_REASON = bytes("""
            81 CB 00 02     // V=2 P=0 SC=1 | PT=203 BYE | length 2
            11 22 33 44     // SSRC
            03 62 79 65     // reason length 3, "bye"
            """);

    @Test
    void parsesTheHandBuiltSenderReport() throws Exception {
        RtcpCompoundPacket compound = RtcpCompoundPacket.parse(ByteBuffer.wrap(SENDER_REPORT));

        assertThat(compound.packets()).containsExactly(SR);
        SenderReport sr = (SenderReport) compound.packets().get(0);
        assertThat(sr.ntpTime().toUnixMillis()).isEqualTo(500);
        assertThat(sr.reports().get(0).cumulativeLost()).isEqualTo(-2);
    }

    @Test
    void writesTheSenderReportByteForByte() {
        assertThat(RtcpCompoundPacket.of(SR).toBytes()).isEqualTo(SENDER_REPORT);
    }

    @Test
    void writesAndParsesSrSdesByeCompound() throws Exception {
        RtcpCompoundPacket compound = RtcpCompoundPacket.of(SR,
                new SourceDescription(List.of(new SdesChunk(0x11223344L, List.of(SdesItem.cname("ab"))))),
                new Goodbye(List.of(0x11223344L), "bye"));
        byte[] expected = ByteBuffer.allocate(SENDER_REPORT.length + SDES_CNAME.length + BYE_WITH_REASON.length)
                .put(SENDER_REPORT).put(SDES_CNAME).put(BYE_WITH_REASON).array();

        assertThat(compound.toBytes()).isEqualTo(expected);
        RtcpCompoundPacket parsed = RtcpCompoundPacket.parse(ByteBuffer.wrap(expected));
        assertThat(parsed).isEqualTo(compound);
        assertThat(((SourceDescription) parsed.packets().get(1)).chunks().get(0).cname()).contains("ab");
    }

    @Test
    void sdesItemsEndingOnAWordStillGetAWholeNullWord() {
        // 01 06 "abcdef" is 8 bytes: the null item needs another word
        byte[] wire = RtcpCompoundPacket.of(new SourceDescription(
                List.of(new SdesChunk(1, List.of(SdesItem.cname("abcdef")))))).toBytes();

        assertThat(wire).isEqualTo(bytes("81 CA 00 04 | 00 00 00 01 | 01 06 61 62 | 63 64 65 66 | 00 00 00 00"));
    }

    @Test
    void sdesKeepsOtherItemsAndSeveralChunks() throws Exception {
        byte[] wire = bytes("""
                82 CA 00 06         // SC=2, length 6
                00 00 00 01         // chunk 1
                01 01 78 06         // CNAME "x", TOOL ...
                02 79 7A 00         //   ... "yz", null item
                00 00 00 02         // chunk 2
                01 03 C3 A9 61      // CNAME "éa" (UTF-8)
                00 00 00            // null item + padding
                """);

        SourceDescription sdes = (SourceDescription) RtcpCompoundPacket.parse(ByteBuffer.wrap(wire)).packets().get(0);

        assertThat(sdes.chunks()).containsExactly(
                new SdesChunk(1, List.of(new SdesItem(SdesItem.CNAME, "x"), new SdesItem(SdesItem.TOOL, "yz"))),
                new SdesChunk(2, List.of(SdesItem.cname("éa"))));
        assertThat(RtcpCompoundPacket.of(sdes).toBytes()).isEqualTo(wire);
    }

    @Test
    void receiverReportWithoutBlocksAndByeWithoutReason() throws Exception {
        byte[] wire = bytes("""
                80 C9 00 01 | 0A 0B 0C 0D       // RR, RC=0, SSRC only
                82 CB 00 02 | 00 00 00 01 | 00 00 00 02   // BYE, SC=2, no reason
                """);

        RtcpCompoundPacket compound = RtcpCompoundPacket.parse(ByteBuffer.wrap(wire));

        assertThat(compound.packets()).containsExactly(new ReceiverReport(0x0A0B0C0DL, List.of()),
                new Goodbye(List.of(1L, 2L), null));
        assertThat(compound.toBytes()).isEqualTo(wire);
    }

    @Test
    void unknownTypesAreCarriedThroughUnchanged() throws Exception {
        byte[] wire = bytes("""
                80 C9 00 01 | 0A 0B 0C 0D                     // RR
                81 CC 00 02 | 00 00 00 01 | 6E 61 6D 65       // APP 204, subtype 1, name "name"
                """);

        RtcpCompoundPacket compound = RtcpCompoundPacket.parse(ByteBuffer.wrap(wire));

        assertThat(compound.packets().get(1)).isEqualTo(new UnknownRtcpPacket(204, 1, bytes("00000001 6E616D65")));
        assertThat(compound.toBytes()).isEqualTo(wire);
    }

    @Test
    void paddingIsAcceptedOnlyOnTheLastPacket() throws Exception {
        byte[] paddedLast = bytes("80 C9 00 01 | 0A 0B 0C 0D | A0 C9 00 02 | 00 00 00 01 | 00 00 00 04");
        assertThat(RtcpCompoundPacket.parse(ByteBuffer.wrap(paddedLast)).packets())
                .containsExactly(new ReceiverReport(0x0A0B0C0DL, List.of()), new ReceiverReport(1, List.of()));

        byte[] paddedFirst = bytes("A0 C9 00 02 | 00 00 00 01 | 00 00 00 04 | 80 C9 00 01 | 0A 0B 0C 0D");
        assertThat(reasonFor(paddedFirst)).isEqualTo(Reason.INVALID_PADDING);
    }

    @Test
    void rejectsEachMalformationWithItsReason() {
        assertThat(reasonFor(new byte[0])).isEqualTo(Reason.EMPTY);
        assertThat(reasonFor(bytes("80 C9 00"))).isEqualTo(Reason.TOO_SHORT);
        // a valid RR followed by 2 stray bytes
        assertThat(reasonFor(bytes("80 C9 00 01 0A 0B 0C 0D 80 C9"))).isEqualTo(Reason.TOO_SHORT);
        assertThat(reasonFor(bytes("40 C9 00 01 0A 0B 0C 0D"))).isEqualTo(Reason.BAD_VERSION);
        // length 2 says 12 bytes, only 8 present
        assertThat(reasonFor(bytes("80 C9 00 02 0A 0B 0C 0D"))).isEqualTo(Reason.LENGTH_BEYOND_BUFFER);
        // RC=1 but no room for a 24-byte report block
        assertThat(reasonFor(bytes("81 C9 00 01 0A 0B 0C 0D"))).isEqualTo(Reason.COUNT_BEYOND_LENGTH);
        // SR without its sender info
        assertThat(reasonFor(bytes("80 C8 00 01 0A 0B 0C 0D"))).isEqualTo(Reason.COUNT_BEYOND_LENGTH);
        // BYE with SC=2 and one SSRC
        assertThat(reasonFor(bytes("82 CB 00 01 00 00 00 01"))).isEqualTo(Reason.COUNT_BEYOND_LENGTH);
        // SDES with SC=2 and one chunk
        assertThat(reasonFor(bytes("82 CA 00 02 00 00 00 01 01 01 61 00"))).isEqualTo(Reason.COUNT_BEYOND_LENGTH);
        // padding count 0, and padding longer than the body
        assertThat(reasonFor(bytes("A0 C9 00 01 0A 0B 0C 00"))).isEqualTo(Reason.INVALID_PADDING);
        assertThat(reasonFor(bytes("A0 C9 00 01 0A 0B 0C 09"))).isEqualTo(Reason.INVALID_PADDING);
        // SDES item text runs past the packet
        assertThat(reasonFor(bytes("81 CA 00 02 00 00 00 01 01 09 61 62"))).isEqualTo(Reason.BAD_SDES_ITEM);
        // SDES chunk with items but no null item
        assertThat(reasonFor(bytes("81 CA 00 02 00 00 00 01 01 02 61 62"))).isEqualTo(Reason.BAD_SDES_ITEM);
        // SDES text that is not UTF-8
        assertThat(reasonFor(bytes("81 CA 00 02 00 00 00 01 01 01 FF 00"))).isEqualTo(Reason.BAD_SDES_ITEM);
        // BYE reason longer than the packet
        assertThat(reasonFor(bytes("81 CB 00 02 00 00 00 01 08 62 79 65"))).isEqualTo(Reason.BAD_BYE_REASON);
    }

    @Test
    void recordsRejectWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdesItem(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdesItem(1, "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownRtcpPacket(200, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtcpCompoundPacket(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReportBlock.clampCumulativeLost(10_000_000)).isEqualTo(ReportBlock.MAX_CUMULATIVE_LOST);
        assertThat(ReportBlock.clampCumulativeLost(-10_000_000)).isEqualTo(ReportBlock.MIN_CUMULATIVE_LOST);
    }

    private static Reason reasonFor(byte[] wire) {
        return catchThrowableOfType(MalformedRtcpException.class, () -> RtcpCompoundPacket.parse(ByteBuffer.wrap(wire)))
                .reason();
    }
}
