package com.crosspoint.proxy.core;

import com.crosspoint.proxy.wire.ByteSink;
import com.crosspoint.proxy.wire.HopRequestWriter;
import com.crosspoint.proxy.wire.RequestEdits;
import com.crosspoint.proxy.wire.RequestWriter;
import com.crosspoint.proxy.wire.ResponseWriter;
import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;
import com.crosspoint.proxy.wire.ViaValue;

/**
 * Per-thread working objects of the core, so handling a message allocates only what outlives it.
 * {@link #message} holds the message being handled; {@link #stored} a stored request read again
 * (for a failover branch, a CANCEL, an own answer) without disturbing it.
 */
final class Scratch {
    final SipScanner scanner;
    final SipMessage message;
    final SipMessage stored;
    final RequestWriter requests = new RequestWriter();
    final ResponseWriter responses = new ResponseWriter();
    final HopRequestWriter hops = new HopRequestWriter();
    final ByteSink sink = new ByteSink(2048);
    final RequestEdits edits = new RequestEdits();
    final ViaValue via = new ViaValue();
    final RouteStep route;
    final RequestChecks checks;

    Scratch(ScanLimits limits, LocalEndpoint local) {
        scanner = new SipScanner(limits);
        message = scanner.newMessage();
        stored = scanner.newMessage();
        route = new RouteStep(local);
        checks = new RequestChecks(local);
    }
}
