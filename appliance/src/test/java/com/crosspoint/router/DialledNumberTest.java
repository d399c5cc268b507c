package com.crosspoint.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialledNumberTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "sip:+16175551234@10.0.0.1:5070;user=phone, +16175551234",
        "sip:16175551234@10.0.0.1, 16175551234",
        "sips:+4420;npdi@example.com, +4420",
        "tel:+16175551234;phone-context=x, +16175551234",
        "sip:10.0.0.1:5070, null"})
    void theNumberIsTheUserPartWithoutParameters(String uri, String number) {
        SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
        SipMessage m = scanner.newMessage();
        byte[] b = ("INVITE " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@10.0.0.2>;tag=1\r\nTo: <sip:b@10.0.0.1>\r\nCall-ID: c1\r\n"
                + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.scan(b, 0, b.length, true, m)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(DialledNumber.of(m)).isEqualTo(number);
    }
}
