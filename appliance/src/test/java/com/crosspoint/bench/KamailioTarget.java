package com.crosspoint.bench;

import com.crosspoint.testing.KamailioServer;
import java.time.Duration;

/** Kamailio with the harness' registrar/proxy config (real-peers.md section 1): the reference peer. */
final class KamailioTarget implements BenchTarget {
    /** tm keeps finished transactions for its 5 s wait timer; REGISTER is answered statelessly. */
    private static final Duration COOLDOWN = Duration.ofSeconds(10);

    private final KamailioServer server;
    private final BenchAccounts accounts = BenchAccounts.kamailio();

    private KamailioTarget(KamailioServer server) {
        this.server = server;
    }

    static KamailioTarget start() {
        // Enough shared memory that Kamailio's limit under load is CPU, not its allocator.
        KamailioServer server = KamailioServer.builder().sharedMemoryMb(512).start();
        System.out.println("kamailio pid " + server.pid() + " on SIP " + server.hostPort() + ", log " + server.logFile());
        return new KamailioTarget(server);
    }

    @Override
    public String name() {
        return "Kamailio";
    }

    @Override
    public int sipPort() {
        return server.port();
    }

    @Override
    public BenchAccounts accounts() {
        return accounts;
    }

    @Override
    public double cpuSeconds() {
        return ProcessCpu.treeSeconds(server.pid());
    }

    @Override
    public Duration cooldown() {
        return COOLDOWN;
    }

    /** AoRs in usrloc: proves the REGISTER runs reached distinct users. */
    long registeredUsers() {
        return server.registeredUserCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
