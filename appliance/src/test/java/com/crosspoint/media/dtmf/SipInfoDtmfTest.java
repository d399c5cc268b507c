package com.crosspoint.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.crosspoint.media.dtmf.MalformedDtmfException.Reason;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SipInfoDtmfTest {

    @Test
    void readsDtmfRelay() throws Exception {
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
                .contains(new InfoDigit('5', OptionalInt.of(160)));
    }

    @Test
    void toleratesTheVariationsPhonesSend() throws Exception {
        assertThat(SipInfoDtmf.parse("Application/DTMF-Relay; charset=utf-8", "signal= #\nduration = 250\n"))
                .contains(new InfoDigit('#', OptionalInt.of(250)));
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=*")).contains(new InfoDigit('*',
                OptionalInt.empty()));
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=b\r\nDuration=100"))
                .contains(new InfoDigit('B', OptionalInt.of(100)));
    }

    @Test
    void readsBareDtmf() throws Exception {
        assertThat(SipInfoDtmf.parse("application/dtmf", "5")).contains(new InfoDigit('5', OptionalInt.empty()));
        assertThat(SipInfoDtmf.parse("application/dtmf", " 0\r\n")).contains(new InfoDigit('0', OptionalInt.empty()));
    }

    @Test
    void otherContentTypesAreNotDtmf() throws Exception {
        assertThat(SipInfoDtmf.parse("application/media_control+xml", "<xml/>")).isEmpty();
        assertThat(SipInfoDtmf.supports("application/dtmf-relay;x=y")).isTrue();
        assertThat(SipInfoDtmf.supports("APPLICATION/DTMF")).isTrue();
        assertThat(SipInfoDtmf.supports("text/plain")).isFalse();
    }

    @Test
    void badBodiesAreTyped() {
        assertThat(reasonFor("application/dtmf-relay", "Duration=160")).isEqualTo(Reason.NO_SIGNAL);
        assertThat(reasonFor("application/dtmf-relay", "Signal=\r\nDuration=160")).isEqualTo(Reason.NO_SIGNAL);
        assertThat(reasonFor("application/dtmf", "")).isEqualTo(Reason.NO_SIGNAL);
        assertThat(reasonFor("application/dtmf-relay", "Signal=X")).isEqualTo(Reason.UNKNOWN_SIGNAL);
        // some gateways send the event code; only the key character is accepted
        assertThat(reasonFor("application/dtmf-relay", "Signal=10")).isEqualTo(Reason.UNKNOWN_SIGNAL);
        assertThat(reasonFor("application/dtmf", "55")).isEqualTo(Reason.UNKNOWN_SIGNAL);
        assertThat(reasonFor("application/dtmf-relay", "Signal=1\r\nDuration=long")).isEqualTo(Reason.BAD_DURATION);
        assertThat(reasonFor("application/dtmf-relay", "Signal=1\r\nDuration=-5")).isEqualTo(Reason.BAD_DURATION);
    }

    private static Reason reasonFor(String contentType, String body) {
        return catchThrowableOfType(MalformedDtmfException.class, () -> SipInfoDtmf.parse(contentType, body)).reason();
    }
}
