package com.crosspoint.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.engine.SignalledPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a phone is behind NAT, from where its SIP came from, its Contact and its SDP address. */
class PhoneAddressesTest {
    private static final InetAddress PUBLIC = PhoneAddresses.literal("203.0.113.7");
    private static final InetAddress PRIVATE = PhoneAddresses.literal("192.168.1.20");

    private static InetSocketAddress sdp(InetAddress host) {
        return new InetSocketAddress(host, 4000);
    }

    @Test
    void aPhoneWhoseSdpContactAndPacketsNameOneHostIsNotBehindNat() {
        PhoneAddresses lan = new PhoneAddresses(PRIVATE, PRIVATE);
        assertThat(lan.mediaPeer(sdp(PRIVATE))).isEqualTo(SignalledPeer.DIRECT);
        assertThat(lan.mediaPeer(null)).as("no SDP address (hold)").isEqualTo(SignalledPeer.DIRECT);
        assertThat(new PhoneAddresses(PUBLIC, null).mediaPeer(sdp(PUBLIC))).as("no Contact literal")
                .isEqualTo(SignalledPeer.DIRECT);
    }

    @Test
    void theNatDoctorSaysInPlainWordsWhatGaveTheNatAway() {
        assertThat(new PhoneAddresses(PUBLIC, PRIVATE).evidence(sdp(PRIVATE))).containsExactly(
                "its Contact names 192.168.1.20, its SIP comes from 203.0.113.7",
                "its SDP names 192.168.1.20, its SIP comes from 203.0.113.7");
        assertThat(new PhoneAddresses(PUBLIC, PRIVATE).evidence(sdp(PUBLIC))).containsExactly(
                "its Contact names 192.168.1.20, its SIP comes from 203.0.113.7",
                "its SDP names its public address 203.0.113.7 but its Contact the private 192.168.1.20: the phone uses"
                        + " STUN for media, or a SIP ALG rewrote the SDP");
        assertThat(new PhoneAddresses(PRIVATE, PRIVATE).evidence(sdp(PRIVATE))).isEmpty();
        assertThat(PhoneAddresses.UNKNOWN.evidence(sdp(PRIVATE))).isEmpty();
    }

    @Test
    void aPrivateSdpAddressSeenFromAPublicSourceIsBehindNat() {
        PhoneAddresses natted = new PhoneAddresses(PUBLIC, PRIVATE);
        assertThat(natted.mediaPeer(sdp(PRIVATE))).isEqualTo(SignalledPeer.behindNat(PUBLIC));
    }

    @Test
    void aContactElsewhereMeansNatEvenWhenTheSdpNamesTheSource() {
        // a phone that learnt its public address for the SDP (STUN) but not for its Contact
        assertThat(new PhoneAddresses(PUBLIC, PRIVATE).mediaPeer(sdp(PUBLIC)))
                .isEqualTo(SignalledPeer.behindNat(PUBLIC));
    }

    @Test
    void anSdpAddressOtherThanTheSourceMeansNat() {
        assertThat(new PhoneAddresses(PUBLIC, PUBLIC).mediaPeer(sdp(PhoneAddresses.literal("198.51.100.1"))))
                .isEqualTo(SignalledPeer.behindNat(PUBLIC));
    }

    @Test
    void withoutKnowingTheSourceTheSdpIsTakenAtItsWord() {
        assertThat(PhoneAddresses.UNKNOWN.mediaPeer(sdp(PRIVATE))).isEqualTo(SignalledPeer.DIRECT);
    }

    @Test
    void literalsAreParsedWithoutALookUp() {
        assertThat(PhoneAddresses.literal("127.0.0.1")).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(PhoneAddresses.literal("[::1]")).isEqualTo(PhoneAddresses.literal("0:0:0:0:0:0:0:1"));
        assertThat(PhoneAddresses.literal("2001:db8::1")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone.example.com", "localhost", "1.2.3.256", "1.2.3", "", "1::2::3", "[::1"})
    void namesAndNonsenseAreNoAddress(String host) {
        assertThat(PhoneAddresses.literal(host)).isNull();
    }
}
