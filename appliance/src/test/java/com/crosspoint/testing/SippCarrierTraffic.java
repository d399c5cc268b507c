package com.crosspoint.testing;

import java.time.Duration;

/**
 * Real SIP traffic through the appliance's call router, for the carrier views (console tab, admin dashboard): each carrier is a SIPp UAS on its own
 * loopback port that answers every call, and a SIPp UAC plays the PBX, calling one number through the router's
 * port at a steady rate with a short talk time. The router picks the carrier of each call; nothing is offered to it
 * in-process.
 */
public final class SippCarrierTraffic implements AutoCloseable {
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final SippProcess[] carriers;
    private final SippProcess caller;

    private SippCarrierTraffic(SippProcess[] carriers, SippProcess caller) {
        this.carriers = carriers;
        this.caller = caller;
    }

    /** A free port for a carrier, to give the appliance before {@link #start} listens on it. */
    public static int carrierPort() {
        return FreePorts.udpAndTcp();
    }

    /**
     * Starts the carriers on {@code carrierPorts}, then the caller: {@code callsPerSecond} calls to {@code number}
     * through {@code routerPort}, each talking {@code talk}.
     */
    public static SippCarrierTraffic start(int routerPort, String number, double callsPerSecond, Duration talk, int... carrierPorts) {
        SippProcess[] carriers = new SippProcess[carrierPorts.length];
        for (int i = 0; i < carrierPorts.length; i++) {
            carriers[i] = SippRunner.scenario("sipp/uas-answer.xml").name("carrier-" + i)
                    .localPort(carrierPorts[i]).calls(1_000_000).timeout(LIFETIME).start();
        }
        SippProcess caller = SippRunner.scenario("sipp/proxy-uac.xml").name("pbx-to-router").remote("127.0.0.1", routerPort)
                .calls(1_000_000).rate(callsPerSecond).callDuration(talk).timeout(LIFETIME).args("-s", number).start();
        return new SippCarrierTraffic(carriers, caller);
    }

    @Override
    public void close() {
        caller.close();
        for (SippProcess carrier : carriers) {
            carrier.close();
        }
    }
}
