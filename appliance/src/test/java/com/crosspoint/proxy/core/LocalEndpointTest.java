package com.crosspoint.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.proxy.wire.SipUri;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The proxy as others see it, with and without a TLS listener: Record-Route lines byte for byte, its own URIs. */
class LocalEndpointTest {
    private final LocalEndpoint withTls = new LocalEndpoint("192.0.2.1", 5070, 5070, 5071);

    @Test
    void eachTransportHasItsRecordRoute() {
        assertThat(line(withTls.recordRoute(Transport.UDP))).isEqualTo("Record-Route: <sip:192.0.2.1:5070;lr>\r\n");
        assertThat(line(withTls.recordRoute(Transport.TCP)))
                .isEqualTo("Record-Route: <sip:192.0.2.1:5070;transport=tcp;lr>\r\n");
        assertThat(line(withTls.recordRoute(Transport.TLS)))
                .isEqualTo("Record-Route: <sip:192.0.2.1:5071;transport=tls;lr>\r\n");
        assertThat(withTls.sentBy(Transport.TLS)).isEqualTo("192.0.2.1:5071");
    }

    @Test
    void theTlsPortNamesUsOnlyWhenThereIsATlsListener() {
        byte[] uri = "sip:192.0.2.1:5071;transport=tls;lr".getBytes(StandardCharsets.US_ASCII);
        SipUri parsed = new SipUri();
        assertThat(parsed.parse(uri, 0, uri.length)).isTrue();
        assertThat(withTls.namesUs(parsed, uri)).isTrue();
        assertThat(new LocalEndpoint("192.0.2.1", 5070, 5070, 0).namesUs(parsed, uri)).isFalse();
    }

    private static String line(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
