package com.crosspoint.config;

import java.time.Duration;
import java.util.List;

/**
 * The call router's SIP side ({@code router.*}); read when {@code node.roles} has {@code router}.
 *
 * @param port              UDP and TCP port of the router's proxy; 0 = a free port (tests)
 * @param udpThreads        threads reading the UDP socket, each handling what it reads
 * @param maxPending        new transactions awaiting a final answer; beyond it 503 + Retry-After (a memory bound:
 *                          the proxy core also refuses new calls while its I/O threads are saturated)
 * @param overloadControl   whether a share of new calls is refused (503 + Retry-After) while the router's input
 *                          queues faster than it is handled; off = {@code maxPending} only
 * @param silenceMillis     how long a carrier may stay silent (not even 100 Trying) before the next is tried
 * @param ringSeconds       how long a carrier may ring (Timer C) before the call is cancelled there
 * @param probeSeconds      interval of the OPTIONS health checks of every carrier; 0 = none
 * @param customers         source addresses (IP literals) that may send calls besides the local PBX
 * @param digestCustomers   customers known by digest: "username:password" entries, challenged from any address
 * @param customerCallsPerSecond new calls a second each customer may start (beyond: 503 + Retry-After); 0 = no limit
 * @param qualityBucket     one bucket of the quality windows
 * @param qualityBuckets    buckets per window (window = bucket × buckets)
 * @param minAttempts       attempts in a window before its ASR/PDD floors and scores count
 * @param policy            the ranking: weights, floors and evidence ({@code router.policy.*})
 * @param breaker           the carriers' circuit breakers ({@code router.breaker.*})
 * @param tls               SIP over TLS on the router's own port ({@code router.tls.*}); off without a keystore
 * @param carrierTls        how carriers whose transport is TLS are reached ({@code router.tls.trustStore} etc.)
 */
public record RouterConfig(int port, int udpThreads, int maxPending, boolean overloadControl, long silenceMillis, int ringSeconds,
                           int probeSeconds, List<String> customers, List<String> digestCustomers,
                           int customerCallsPerSecond, Duration qualityBucket, int qualityBuckets,
                           int minAttempts, RoutingPolicyConfig policy, BreakerConfig breaker, TlsConfig tls,
                           CarrierTlsConfig carrierTls) {
    public RouterConfig {
        customers = List.copyOf(customers);
        digestCustomers = List.copyOf(digestCustomers);
    }
}
