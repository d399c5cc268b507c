package com.crosspoint.config;

/**
 * @param port           UDP and TCP port; 0 = ephemeral ({@code sip.port})
 * @param tls            SIP over TLS ({@code sip.tls})
 * @param stackThreads   threads of the SIP stack ({@code sip.stackThreads})
 * @param udpBufferBytes UDP receive buffer requested from the kernel ({@code sip.udpBufferBytes})
 * @param registrar      registration intervals ({@code sip.registrar})
 * @param auth           digest authentication and brute-force blocking ({@code sip.auth})
 * @param calls          call handling limits ({@code sip.calls})
 * @param limits         what the edge refuses to protect the node and other tenants ({@code sip.limits})
 */
public record SipConfig(int port, TlsConfig tls, int stackThreads, int udpBufferBytes,
                        RegistrarConfig registrar, SipAuthConfig auth, CallsConfig calls, SipLimitsConfig limits) {
}
