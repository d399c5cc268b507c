package com.crosspoint.sip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the plug-ins JAIN-SIP builds by reflection from the stack properties (the router, the message processors)
 * need of the {@link SipServer} that owns their stack: they get only the stack, so they look it up by its name.
 */
final class StackAttachments {
    /**
     * One stack's attachments: the registrations' flows, the dialogs' flows, which TCP/TLS flows failed, the
     * accepted connections; {@code stun} answers STUN on the UDP port (null: the stack sees every datagram).
     */
    record Attached(FlowTable flows, DialogFlows dialogs, FlowFailures failures, ConnectionGuard connections,
                    StunTap stun) {
    }

    private static final Map<String, Attached> BY_STACK = new ConcurrentHashMap<>();

    private StackAttachments() {
    }

    static void attach(String stackName, Attached attached) {
        BY_STACK.put(stackName, attached);
    }

    static void detach(String stackName) {
        BY_STACK.remove(stackName);
    }

    static Optional<Attached> of(String stackName) {
        return Optional.ofNullable(BY_STACK.get(stackName));
    }
}
