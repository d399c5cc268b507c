package com.crosspoint.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PresentedOriginTest {
    private static final String PHONE_B = "v=0\r\no=bob 2890844526 2890844526 IN IP4 192.0.2.2\r\ns=-\r\n"
            + "c=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=sendrecv\r\n";
    private static final String APPLIANCE = "v=0\r\no=crosspoint 77 78 IN IP4 192.0.2.10\r\ns=Crosspoint\r\n"
            + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0 101\r\na=sendonly\r\n";
    private static final String PHONE_C = "v=0\r\no=- 5 1 IN IP4 192.0.2.3\r\ns=-\r\n"
            + "c=IN IP4 192.0.2.3\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8\r\n";

    private final PresentedOrigin origin = new PresentedOrigin();

    private String apply(String sdp) {
        return new String(origin.apply(sdp.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theFirstDescriptionIsSentAsItIsAndItsOriginIsKeptForEveryLaterOne() {
        assertThat(apply(PHONE_B)).isEqualTo(PHONE_B);

        String music = apply(APPLIANCE);
        assertThat(music).contains("\r\no=bob 2890844526 2890844527 IN IP4 192.0.2.2\r\n")
                .contains("m=audio 20000 RTP/AVP 0 101").contains("a=sendonly").doesNotContain("crosspoint 77");
        String transferred = apply(PHONE_C);
        assertThat(transferred).startsWith("v=0\r\no=bob 2890844526 2890844528 IN IP4 192.0.2.2\r\ns=-\r\n")
                .endsWith("m=audio 30000 RTP/AVP 8\r\n");
    }

    @Test
    void theSameDescriptionAgainKeepsItsVersion() {
        apply(PHONE_B);
        String once = apply(APPLIANCE);
        assertThat(apply(APPLIANCE)).isEqualTo(once);
        // the other side re-sent its own description with a new version only: nothing changed for this party
        assertThat(apply(APPLIANCE.replace("77 78", "77 79"))).isEqualTo(once);
    }

    @Test
    void bodiesWithoutAUsableOriginPassUntouched() {
        assertThat(origin.apply(null)).isNull();
        assertThat(origin.apply(new byte[0])).isEmpty();
        apply(PHONE_B);
        String noOrigin = "v=0\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\n";
        assertThat(apply(noOrigin)).isEqualTo(noOrigin);
        String shortOrigin = "v=0\r\no=only three fields\r\n";
        assertThat(apply(shortOrigin)).isEqualTo(shortOrigin);
    }

    @Test
    void aVersionThatIsNoNumberCountsOnFromOneAndHugeOnesDoNotOverflow() {
        PresentedOrigin odd = new PresentedOrigin();
        odd.apply("v=0\r\no=x 1 abc IN IP4 10.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new String(odd.apply("v=0\r\no=y 2 2 IN IP4 10.0.0.2\r\nm=audio 2 RTP/AVP 0\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1)).contains("o=x 1 1 IN IP4 10.0.0.1");

        PresentedOrigin huge = new PresentedOrigin();
        huge.apply("v=0\r\no=x 1 18446744073709551615 IN IP4 10.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new String(huge.apply("v=0\r\no=y 2 2 IN IP4 10.0.0.2\r\nm=audio 2 RTP/AVP 0\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1))
                .contains("o=x 1 18446744073709551616 IN IP4 10.0.0.1");
    }
}
