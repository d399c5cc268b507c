package com.crosspoint.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Alaw;
import com.crosspoint.media.codec.G711Ulaw;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpNegotiatorTest {

    /** The INVITE body of baresip 1.0 (Debian 12) with opus, G.711 and telephone-event. */
    static final String BARESIP = """
            v=0
            o=- 1791382519 2616834390 IN IP4 192.168.1.23
            s=-
            c=IN IP4 192.168.1.23
            t=0 0
            a=tool:baresip 1.0.0
            m=audio 10280 RTP/AVP 96 0 8 101
            b=AS:128
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            a=label:1
            a=ssrc:2953716513 cname:baresip@localhost
            a=rtcp-rsize
            a=ptime:20
            """.replace("\n", "\r\n");

    /** SIPp's uac_pcap scenario: PCMA first, telephone-event with a narrower event list, bare LF lines. */
    static final String SIPP_PCAP = """
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-11,16
            """;

    /** SIPp's plain uac scenario: a static payload type with an rtpmap only for it. */
    static final String SIPP_UAC = """
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    private final SdpNegotiator us = new SdpNegotiator(addr("10.0.0.5"), 20000, 4242);

    static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Negotiation.Agreed agreed(Negotiation n) {
        assertThat(n).isInstanceOf(Negotiation.Agreed.class);
        return (Negotiation.Agreed) n;
    }

    @Test
    void baresipOfferIsAnsweredWithPcmuAndItsTelephoneEvent() throws Exception {
        SessionDescription offer = SessionDescription.parse(BARESIP);
        assertThat(offer.origin().sessionId()).isEqualTo("1791382519");
        assertThat(offer.origin().version()).isEqualTo(2616834390L);
        MediaDescription m = offer.media().get(0);
        assertThat(m.formats()).containsExactly("96", "0", "8", "101");
        assertThat(m.rtpMaps().get(96)).isEqualTo(new RtpMap(96, "opus", 48000, 2));
        assertThat(m.fmtps()).containsEntry(101, "0-15");
        assertThat(m.ptime()).isEqualTo(20);
        assertThat(offer.directionOf(m)).isEqualTo(Direction.SENDRECV);

        Negotiation.Agreed a = agreed(us.answer(offer, Direction.SENDRECV));
        assertThat(a.media().codec()).isSameAs(G711Ulaw.INSTANCE);
        assertThat(a.media().payloadType()).isZero();
        assertThat(a.media().telephoneEventPayloadType()).isEqualTo(101);
        assertThat(a.media().remoteRtp()).isEqualTo(new InetSocketAddress("192.168.1.23", 10280));
        assertThat(a.media().remoteRtcp()).isEqualTo(new InetSocketAddress("192.168.1.23", 10281));
        assertThat(a.media().direction()).isEqualTo(Direction.SENDRECV);
        assertThat(a.description().format()).isEqualTo("""
                v=0\r
                o=crosspoint 4242 4242 IN IP4 10.0.0.5\r
                s=crosspoint\r
                c=IN IP4 10.0.0.5\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-15\r
                a=ptime:20\r
                a=sendrecv\r
                """);
    }

    @Test
    void sippPcapOfferGetsPcmaInOfferOrder() throws Exception {
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(SIPP_PCAP), Direction.SENDRECV));
        assertThat(a.media().codec()).isSameAs(G711Alaw.INSTANCE);
        assertThat(a.media().payloadType()).isEqualTo(8);
        assertThat(a.media().telephoneEventPayloadType()).isEqualTo(101);
        assertThat(a.media().remoteRtp()).isEqualTo(new InetSocketAddress("127.0.0.1", 6000));
        assertThat(a.description().media().get(0).formats()).containsExactly("8", "101");
    }

    @Test
    void sippPlainOfferHasNoTelephoneEvent() throws Exception {
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(SIPP_UAC), Direction.SENDRECV));
        assertThat(a.media().codec()).isSameAs(G711Ulaw.INSTANCE);
        assertThat(a.media().hasTelephoneEvent()).isFalse();
        assertThat(a.description().format()).contains("m=audio 20000 RTP/AVP 0\r\n").doesNotContain("101");
    }

    @Test
    void staticPayloadTypesNeedNoRtpmap() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 18 8 0\r\n";
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().codec()).isSameAs(G711Alaw.INSTANCE); // G.729 first, unsupported; PCMA next
        assertThat(a.description().format()).contains("a=rtpmap:8 PCMA/8000");
    }

    @Test
    void dynamicPayloadTypeForPcmuKeepsTheOfferersNumber() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 112 97\r\na=rtpmap:112 pcmu/8000\r\na=rtpmap:97 telephone-event/8000\r\n";
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().payloadType()).isEqualTo(112);
        assertThat(a.media().telephoneEventPayloadType()).isEqualTo(97);
        assertThat(a.description().format()).contains("m=audio 20000 RTP/AVP 112 97\r\n", "a=rtpmap:112 PCMU/8000");
    }

    @Test
    void telephoneEventAtAnotherClockIsNotTaken() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0 100\r\na=rtpmap:100 telephone-event/48000\r\n";
        assertThat(agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV)).media()
                .hasTelephoneEvent()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"sendonly, recvonly", "recvonly, sendonly", "inactive, inactive", "sendrecv, sendrecv"})
    void answerDirectionFollowsRfc3264(String offered, String answered) throws Exception {
        String offer = SIPP_PCAP + "a=" + offered + "\n";
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().direction().attribute()).isEqualTo(answered);
        assertThat(a.description().format()).contains("a=" + answered + "\r\n");
    }

    @Test
    void sessionLevelDirectionAppliesUnlessTheMediaOverrides() throws Exception {
        String sessionLevel = SIPP_PCAP.replace("t=0 0\n", "t=0 0\na=sendonly\n");
        assertThat(agreed(us.answer(SessionDescription.parse(sessionLevel), Direction.SENDRECV)).media()
                .direction()).isEqualTo(Direction.RECVONLY);
        String overridden = sessionLevel + "a=inactive\n";
        assertThat(agreed(us.answer(SessionDescription.parse(overridden), Direction.SENDRECV)).media()
                .direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void rfc2543HoldAddressMeansNothingIsSentToThePeer() throws Exception {
        String offer = SIPP_PCAP.replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0");
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().direction()).isEqualTo(Direction.RECVONLY);
        assertThat(a.media().remoteRtp()).isNull();
    }

    @Test
    void weHoldThePeerWithOurWishAndTheVersionGoesUpPerChange() throws Exception {
        SessionDescription offer = SessionDescription.parse(SIPP_PCAP);
        Negotiation.Agreed first = agreed(us.answer(offer, Direction.SENDRECV));
        Negotiation.Agreed again = agreed(us.answer(offer, Direction.SENDRECV));
        assertThat(again.description().origin().version()).isEqualTo(first.description().origin().version());

        Negotiation.Agreed held = agreed(us.answer(offer, Direction.SENDONLY));
        assertThat(held.media().direction()).isEqualTo(Direction.SENDONLY);
        assertThat(held.description().origin().version()).isEqualTo(first.description().origin().version() + 1);
        assertThat(held.description().origin().sessionId()).isEqualTo(first.description().origin().sessionId());
    }

    @Test
    void ourHoldOfferAndTheAnswersToIt() throws Exception {
        SessionDescription initial = us.offer(Direction.SENDRECV);
        assertThat(initial.format()).contains("m=audio 20000 RTP/AVP 0 8 101\r\n", "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=sendrecv");
        String peerAnswer = "v=0\r\no=- 7 7 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 30000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=sendrecv\r\n";
        Negotiation.Agreed up = agreed(us.acceptAnswer(SessionDescription.parse(peerAnswer)));
        assertThat(up.media().codec()).isSameAs(G711Alaw.INSTANCE);
        assertThat(up.media().direction()).isEqualTo(Direction.SENDRECV);

        SessionDescription hold = us.offer(Direction.SENDONLY);
        assertThat(hold.format()).contains("a=sendonly\r\n");
        assertThat(hold.origin().version()).isEqualTo(initial.origin().version() + 1);
        Negotiation.Agreed held = agreed(us.acceptAnswer(SessionDescription.parse(
                peerAnswer.replace("a=sendrecv", "a=recvonly"))));
        assertThat(held.media().direction()).isEqualTo(Direction.SENDONLY);

        SessionDescription inactive = us.offer(Direction.INACTIVE);
        assertThat(inactive.origin().version()).isEqualTo(initial.origin().version() + 2);
        assertThat(agreed(us.acceptAnswer(SessionDescription.parse(peerAnswer.replace("a=sendrecv", "a=inactive"))))
                .media().direction()).isEqualTo(Direction.INACTIVE);

        SessionDescription resume = us.offer(Direction.SENDRECV);
        assertThat(resume.origin().version()).isEqualTo(initial.origin().version() + 3);
        assertThat(agreed(us.acceptAnswer(SessionDescription.parse(peerAnswer))).media().direction())
                .isEqualTo(Direction.SENDRECV);
    }

    @Test
    void answerWithACodecWeDidNotOfferOrRejectedIsNotAcceptable() throws Exception {
        us.offer(Direction.SENDRECV);
        String base = "v=0\r\no=- 7 7 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n";
        assertThat(us.acceptAnswer(SessionDescription.parse(base + "m=audio 30000 RTP/AVP 18\r\n")))
                .isInstanceOf(Negotiation.NotAcceptable.class);
        assertThat(us.acceptAnswer(SessionDescription.parse(base + "m=audio 0 RTP/AVP 0\r\n")))
                .isEqualTo(new Negotiation.NotAcceptable("the peer rejected the audio stream"));
        assertThat(us.acceptAnswer(SessionDescription.parse(base)))
                .isInstanceOf(Negotiation.NotAcceptable.class);
    }

    @Test
    void ipv6OfferAndAnswer() throws Exception {
        String offer = "v=0\r\no=- 5 5 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 0\r\na=rtcp:5010 IN IP6 2001:db8::1\r\n";
        SdpNegotiator v6 = new SdpNegotiator(addr("2001:db8::5"), 20000, 9);
        Negotiation.Agreed a = agreed(v6.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().remoteRtp()).isEqualTo(new InetSocketAddress(addr("2001:db8::1"), 5004));
        assertThat(a.media().remoteRtcp()).isEqualTo(new InetSocketAddress(addr("2001:db8::1"), 5010));
        assertThat(a.description().format()).contains("c=IN IP6 2001:db8:0:0:0:0:0:5\r\n")
                .contains("o=crosspoint 9 9 IN IP6 ");
    }

    @Test
    void mediaLevelConnectionOverridesTheSessionOne() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 5.6.7.8\r\n";
        assertThat(agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV)).media().remoteRtp())
                .isEqualTo(new InetSocketAddress("5.6.7.8", 4000));
    }

    @Test
    void rejectedAndForeignStreamsStayInTheAnswerWithPortZero() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 0 RTP/AVP 0\r\n"
                + "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                + "m=audio 4002 RTP/SAVP 0\r\n"
                + "m=audio 4004 RTP/AVP 8\r\n"
                + "m=audio 4006 RTP/AVP 0\r\n";
        Negotiation.Agreed a = agreed(us.answer(SessionDescription.parse(offer), Direction.SENDRECV));
        assertThat(a.media().remoteRtp().getPort()).isEqualTo(4004);
        assertThat(a.description().media()).extracting(MediaDescription::port)
                .containsExactly(0, 0, 0, 20000, 0);
        assertThat(a.description().format()).contains("m=video 0 RTP/AVP 96\r\n", "m=audio 0 RTP/SAVP 0\r\n");
    }

    @Test
    void noAcceptableCodecIsATypedOutcome() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 96 18\r\na=rtpmap:96 opus/48000/2\r\n";
        assertThat(us.answer(SessionDescription.parse(offer), Direction.SENDRECV))
                .isEqualTo(new Negotiation.NotAcceptable(
                        "none of the offered codecs [96, 18] is PCMU/8000 or PCMA/8000"));
        String onlyRejected = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 0 RTP/AVP 0\r\n";
        assertThat(us.answer(SessionDescription.parse(onlyRejected), Direction.SENDRECV))
                .isInstanceOf(Negotiation.NotAcceptable.class);
        String noConnection = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        assertThat(us.answer(SessionDescription.parse(noConnection), Direction.SENDRECV))
                .isEqualTo(new Negotiation.NotAcceptable("audio stream without a c= line"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "o=- 1 1 IN IP4 1.2.3.4|1|the first line must be v=0",
            "v=1|1|unsupported SDP version",
            "v=0\\no=- 1 IN IP4 1.2.3.4|2|o= needs 6 fields",
            "v=0\\no=- 1 x IN IP4 1.2.3.4|2|session version is not a number",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 999.1.1.1|3|not an IPv4 address",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 host.example.com|3|not an IPv4 address",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP6 1.2.3.4|3|not an IPv6 address",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4|3|c= must be",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP|3|m= needs media, port",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 70000 RTP/AVP 0|3|port out of range",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio x RTP/AVP 0|3|port is not a number",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0 200|3|payload type \"200\" not in 0..127",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU|4|a=rtpmap needs",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/abc|4|clock rate is not a number",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:x PCMU/8000|4|a=rtpmap payload type",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=ptime:0|4|a=ptime out of range",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=rtcp:99999|4|a=rtcp port out of range",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=fmtp:101|4|a=fmtp needs",
            "v=0\\nhello|2|not a <type>=<value> line",
            "v=0\\nX=1|2|not a <type>=<value> line",
            "v=0\\no=- 1 1 IN IP4 1.2.3.4\\n\\ns=-\\nt=0 0|3|empty line inside",
            "v=0\\nv=0|2|second v= line",
            "v=0\\ns=-|0|no o= line",
    })
    void malformedDescriptionsNameTheLine(String body, int line, String problem) {
        assertThatThrownBy(() -> SessionDescription.parse(body.replace("\\n", "\n")))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((SdpParseException) e).line()).isEqualTo(line));
    }

    @Test
    void garbageIsRefusedNotCrashed() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String text = i % 2 == 0 ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : mutate(BARESIP, random);
            try {
                SessionDescription d = SessionDescription.parse(text);
                us.answer(d, Direction.SENDRECV); // whatever parses must negotiate without throwing
            } catch (SdpParseException expected) {
                assertThat(expected.getMessage()).startsWith("SDP");
            }
        }
        assertThatThrownBy(() -> SessionDescription.parse("")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SessionDescription.parse("x".repeat(20000))).isInstanceOf(SdpParseException.class);
    }

    private static String mutate(String text, java.util.Random random) {
        char[] chars = text.toCharArray();
        for (int k = 0; k < 3; k++) {
            chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
    }

    @Test
    void formatThenParseRoundTrips() throws Exception {
        SessionDescription offer = SessionDescription.parse(BARESIP);
        SessionDescription again = SessionDescription.parse(offer.format());
        assertThat(again.media().get(0).rtpMaps()).isEqualTo(offer.media().get(0).rtpMaps());
        assertThat(again.origin()).isEqualTo(offer.origin());
        assertThat(again.connection()).isEqualTo(offer.connection());
    }
}
