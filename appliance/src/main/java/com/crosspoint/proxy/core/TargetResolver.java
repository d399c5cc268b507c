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

    /**
     * Whether requests from this source may take a route the core finds without asking {@link #resolve}: a
     * pre-loaded Route to somewhere else, or a request inside a dialog (To tag) sent to its Request-URI. A source not
     * trusted gets 403 for those unless they belong to a dialog this proxy carries (the callee's BYE), so the proxy is
     * no open relay towards the hops that trust its address. Called on I/O threads; answers from memory.
     */
    default boolean trusts(Flow from) {
        return true;
    }
}
