package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaresipAccountLineTest {

    @Test
    void defaultsFollowTheVerifiedRecipe() {
        String line = BaresipPhone.builder("sip:1001@127.0.0.1:5062").password("pw1001").accountLine();

        assertThat(line).isEqualTo(
                "<sip:1001@127.0.0.1:5062>;auth_pass=pw1001;answermode=auto;regint=60;audio_codecs=pcmu");
    }

    @Test
    void secondDeviceWithOwnAuthUserViaExplicitRegistrar() {
        String line = BaresipPhone.builder("sip:1002@pbx.test").authUser("1002b").password("s3cret")
                .answerMode(BaresipPhone.AnswerMode.MANUAL).regint(120).registrar("127.0.0.1:5062")
                .accountParam("medianat=turn").accountLine();

        assertThat(line).isEqualTo("<sip:1002@pbx.test>;auth_user=1002b;auth_pass=s3cret;answermode=manual"
                + ";regint=120;audio_codecs=pcmu;outbound=\"sip:127.0.0.1:5062\";medianat=turn");
    }
}
