package com.crosspoint.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * The stack's router (named in the stack properties, so JAIN-SIP builds it): a request to a registered contact that
 * is not reached directly goes where the {@link FlowTable} says (the registration's connection, the NAT mapping its
 * REGISTER came through, or its Path); everything else is routed as JAIN-SIP's default router does (Route set, then
 * Request-URI). The Request-URI is never changed: the phone sees its registered Contact.
 */
public final class FlowRouter implements Router {
    private static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    private final DefaultRouter delegate;
    private final String stackName;

    public FlowRouter(SipStack stack, String outboundProxy) {
        this.delegate = new DefaultRouter(stack, outboundProxy);
        this.stackName = ((SipStackImpl) stack).getStackName();
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request.getHeader("Route") == null) {
            // JAIN-SIP instantiates routers itself, so each stack's tables are found by stack name.
            Optional<StackAttachments.Attached> attached = StackAttachments.of(stackName);
            if (attached.isPresent()) {
                Hop hop = flowHop(request, attached.get());
                if (hop != null) {
                    return hop;
                }
            }
        }
        return delegate.getNextHop(request);
    }

    /**
     * The flow {@code request} must take, or null for the default routing: the flow its dialog was established on
     * (RFC 5626 §5.3), else the flow of the registration its Request-URI names. A TCP/TLS flow whose connection
     * closed is never used: JAIN-SIP would open a new connection to the device's address (a private one behind NAT,
     * an ephemeral port otherwise) and wait for it to time out; the request fails at once instead.
     */
    private Hop flowHop(Request request, StackAttachments.Attached a) throws SipException {
        Optional<Hop> dialog = a.dialogs().hopFor(request);
        if (dialog.isPresent() && !a.failures().failed(dialog.get())) {
            return dialog.get();
        }
        Optional<FlowTable.Flow> flow = a.flows().flowFor(request.getRequestURI());
        if (flow.isPresent() && !flow.get().path().isEmpty()) {
            // RFC 3327 §5.3: the stored Path is the route set of requests to this binding.
            addRoutes(request, flow.get());
            return delegate.getNextHop(request);
        }
        if (flow.isPresent() && !a.failures().failed(flow.get().hop())) {
            return flow.get().hop();
        }
        if (flow.isPresent() || dialog.isPresent()) {
            Hop dead = flow.isPresent() ? flow.get().hop() : dialog.get();
            throw new SipException("flow " + dead.getTransport() + " " + dead.getHost() + ":" + dead.getPort()
                    + " failed: its connection closed (RFC 5626 §5.3)");
        }
        return null;
    }

    private static void addRoutes(Request request, FlowTable.Flow flow) throws SipException {
        try {
            for (String path : flow.path()) {
                request.addHeader(HEADERS.createHeader("Route", path));
            }
        } catch (ParseException e) {
            throw new SipException("stored Path is not a Route: " + e.getMessage(), e);
        }
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
