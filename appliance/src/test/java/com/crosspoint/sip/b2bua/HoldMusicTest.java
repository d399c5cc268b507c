package com.crosspoint.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import com.crosspoint.media.sdp.SdpNegotiator;
import com.crosspoint.media.sdp.SessionDescription;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Who hears what while the music lasts, and that the answers it leads to are the RFC 3264 ones for the offers
 * phones send (the SIP side is covered by MusicOnHoldIT with real phones).
 */
class HoldMusicTest {
    private static final String PHONE = "v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";

    @Test
    void aPhoneThatHoldsHearsNothingWhateverTheOtherDoes() {
        assertThat(HoldMusic.answering(true, false)).contains(Direction.RECVONLY);
        assertThat(HoldMusic.answering(true, true)).contains(Direction.RECVONLY);
    }

    @Test
    void aPhoneThatResumesWhileTheOtherHoldsGetsTheMusic() {
        assertThat(HoldMusic.answering(false, true)).contains(HoldMusic.TO_THE_HELD);
    }

    @Test
    void whenNobodyHoldsAnyMoreTheOfferGoesToTheOtherPhone() {
        assertThat(HoldMusic.answering(false, false)).isEmpty();
    }

    @Test
    void holdOffersAreAnsweredRecvonlyOrInactive() throws Exception {
        assertThat(answer(PHONE + "a=sendonly\r\n", false)).isEqualTo(Direction.RECVONLY);
        assertThat(answer(PHONE + "a=inactive\r\n", false)).isEqualTo(Direction.INACTIVE);
        // RFC 2543 hold: c=0.0.0.0 with no direction; we must not send, and there is nowhere to send to
        assertThat(answer(PHONE.replace("c=IN IP4 192.0.2.7", "c=IN IP4 0.0.0.0"), false))
                .isEqualTo(Direction.RECVONLY);
    }

    @Test
    void aListeningPhoneIsSentTheMusicAndWhatItSendsIsAccepted() throws Exception {
        assertThat(answer(PHONE + "a=sendrecv\r\n", true)).isEqualTo(Direction.SENDRECV);
        assertThat(answer(PHONE + "a=recvonly\r\n", true)).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void theHeldPhoneIsOfferedTheMusicAsAnOrdinaryStream() {
        SdpNegotiator ours = new SdpNegotiator(InetAddress.getLoopbackAddress(), 20000, 42);
        String offer = ours.offer(HoldMusic.TO_THE_HELD).format();
        assertThat(offer).contains("m=audio 20000 RTP/AVP 0 8 101", "a=sendrecv").doesNotContain("a=sendonly");
    }

    /** Our direction in the answer to a phone's offer, as HoldMusic answers it. */
    private static Direction answer(String offer, boolean otherHolds) throws Exception {
        SdpNegotiator ours = new SdpNegotiator(InetAddress.getLoopbackAddress(), 20000, 42);
        boolean holds = com.crosspoint.call.SdpSummary.of(offer.getBytes()).hold();
        Direction wish = HoldMusic.answering(holds, otherHolds).orElseThrow();
        Negotiation n = ours.answer(SessionDescription.parse(offer), wish);
        assertThat(n).isInstanceOf(Negotiation.Agreed.class);
        return ((Negotiation.Agreed) n).media().direction();
    }
}
