package com.crosspoint.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * The stack's router (named in the stack properties, so JAIN-SIP builds it): requests to a phone
 * registered over TCP/TLS go over its registration connection ({@link FlowTable}); everything
 * else is routed as JAIN-SIP's default router does (Route set, then Request-URI).
 */
public final class FlowRouter implements Router {
    private final DefaultRouter delegate;
    private final String stackName;

    public FlowRouter(SipStack stack, String outboundProxy) {
        this.delegate = new DefaultRouter(stack, outboundProxy);
        this.stackName = ((SipStackImpl) stack).getStackName();
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request.getHeader("Route") == null) {
            // JAIN-SIP instantiates routers itself, so each stack's flow table is found by stack name.
            Optional<Hop> flow = StackAttachments.of(stackName)
                    .flatMap(a -> a.flows().hopFor(request.getRequestURI()));
            if (flow.isPresent()) {
                return flow.get();
            }
        }
        return delegate.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return delegate.getOutboundProxy();
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        return delegate.getNextHops(request);
    }
}
