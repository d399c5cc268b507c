package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw pre-parse checks against the RFC 4475 vectors: valid messages pass, the ambiguous ones fail. */
class RawMessageCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"wsinv.dat", "intmeth.dat", "esc01.dat", "escnull.dat", "esc02.dat", "lwsdisp.dat",
            "longreq.dat", "dblreq.dat", "semiuri.dat", "transports.dat", "mpart01.dat", "unreason.dat", "noreason.dat",
            "unkscm.dat", "novelsc.dat", "unksm2.dat", "bext01.dat", "invut.dat", "regaut01.dat", "zeromf.dat",
            "cparam01.dat", "cparam02.dat", "regescrt.dat", "sdp01.dat", "inv2543.dat", "badbranch.dat"})
    void acceptsValidMessages(String file) {
        assertThatCode(() -> RawMessageCheck.check(vector(file))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lwsstart.dat", "trws.dat", "escruri.dat", "mcl01.dat", "badaspec.dat", "baddn.dat",
            "baddn.with-terminating-crlf.dat", "regbadct.dat", "ltgtruri.dat"})
    void rejectsAmbiguousMessages(String file) {
        assertThatThrownBy(() -> RawMessageCheck.check(vector(file))).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INVITE sip:a@b SIP/2.0\r\nFrom: \"x, y\" <sip:a@b>;tag=1\r\nTo: <sip:b@c>\r\n\r\n",
            "INVITE sip:a@b SIP/2.0\r\nContact: <sip:a@b?Route=x>\r\n\r\n",
            "INVITE sip:a@b SIP/2.0\r\nFrom: Plain Name <sip:a@b>;tag=1\r\n\r\n"})
    void acceptsWellFormedNameAddrs(String message) {
        assertThatCode(() -> RawMessageCheck.check(message.getBytes(StandardCharsets.US_ASCII))).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void acceptsBareLineFeedsAsStreamTransportsDeliverThem() throws IOException {
        byte[] crlf = vector("wsinv.dat");
        byte[] lf = new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatCode(() -> RawMessageCheck.check(lf)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RawMessageCheck.check(new String(vector("mcl01.dat"), StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(ParseException.class);
    }

    private static byte[] vector(String name) throws IOException {
        try (InputStream in = RawMessageCheckTest.class.getResourceAsStream("/vectors/rfc4475/" + name)) {
            return in.readAllBytes();
        }
    }
}
