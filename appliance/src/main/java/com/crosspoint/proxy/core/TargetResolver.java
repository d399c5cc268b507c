package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.wire.SipMessage;

/**
 * Where an initial request goes: the routing decision the proxy core asks for and that the call
 * router (ACR), the gateway and the trunk roles implement. Called on an I/O thread for every
 * initial request, so it must answer from memory and never block.
 */
@FunctionalInterface
public interface TargetResolver {
    /**
     * @param request valid only during the call
     * @param from    where it came from (the resolver may admit by source address)
     */
    RoutingDecision resolve(SipMessage request, Flow from);
}
