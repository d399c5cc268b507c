package com.crosspoint.sip.registrar;

import com.crosspoint.concurrency.Lanes;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Binding;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.EdgeRefusals;
import com.crosspoint.sip.Overload;
import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** REGISTER (RFC 3261 §10.3): authenticate, check the AOR belongs to the device's user, update bindings. */
public final class RegisterHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

    private final SipMessages messages;
    private final TenantResolver tenants;
    private final Directory directory;
    private final DigestGate gate;
    private final Registrar registrar;
    private final Lanes workers;
    private final Clock clock;

    public RegisterHandler(SipMessages messages, TenantResolver tenants, Directory directory, DigestGate gate,
                           Registrar registrar, Lanes workers, Clock clock) {
        this.messages = messages;
        this.tenants = tenants;
        this.directory = directory;
        this.gate = gate;
        this.registrar = registrar;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        Request rq = event.getRequest();
        String key = ((CallIdHeader) rq.getHeader(CallIdHeader.NAME)).getCallId();
        try {
            workers.admit(key, () -> register(rq, st));
        } catch (RejectedExecutionException e) {
            messages.send(st, Overload.response(messages, rq));
        }
    }

    private void register(Request rq, ServerTransaction st) {
        ToHeader to = (ToHeader) rq.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aorUri) || aorUri.getUser() == null) {
            messages.send(st, messages.response(rq, Response.BAD_REQUEST, "AOR must be a SIP URI with a user"));
            return;
        }
        Optional<Tenant> tenant = tenants.resolve(aorUri.getHost()).or(() -> tenants.resolve(rq.getRequestURI()));
        if (tenant.isEmpty()) {
            messages.send(st, messages.response(rq, Response.NOT_FOUND, "Domain not served here"));
            return;
        }
        Optional<Device> device = gate.authenticate(rq, st, tenant.get(), DigestGate.Mode.WWW);
        if (device.isEmpty()) {
            return;
        }
        Optional<User> user = directory.user(device.get().userId());
        if (user.isEmpty() || !user.get().extension().equals(aorUri.getUser())) {
            messages.send(st, messages.response(rq, Response.FORBIDDEN, "Device may not register this AOR"));
            return;
        }
        final RegisterRequest request;
        try {
            request = RegisterReader.read(rq, tenant.get(), user.get(), device.get(), messages.arrivedAt(rq));
        } catch (IllegalArgumentException e) {
            messages.send(st, messages.response(rq, Response.BAD_REQUEST, e.getMessage()));
            return;
        }
        RegisterOutcome outcome = registrar.register(request);
        if (outcome instanceof RegisterOutcome.Accepted ok) {
            ok.committed().whenComplete((v, err) -> messages.send(st, err == null ? ok(rq, request, ok.bindings())
                    : messages.response(rq, Response.SERVER_INTERNAL_ERROR, "Could not store binding")));
        } else if (outcome instanceof RegisterOutcome.IntervalTooBrief brief) {
            messages.send(st, intervalTooBrief(rq, brief.minExpires()));
        } else if (outcome instanceof RegisterOutcome.TooManyContacts many) {
            messages.send(st, messages.refusal(rq, EdgeRefusals.Reason.CONTACTS_PER_AOR, Response.FORBIDDEN,
                    "Too many contacts (at most " + many.limit() + ")"));
        } else if (outcome instanceof RegisterOutcome.Invalid bad) {
            messages.send(st, messages.response(rq, Response.BAD_REQUEST, bad.reason()));
        } else {
            messages.send(st, messages.response(rq, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER"));
        }
    }

    /** Canonical AOR: the extension at the tenant's domain, whatever host the phone used. */
    public static String aorOf(Tenant tenant, String extension) {
        return "sip:" + extension + "@" + tenant.domain();
    }

    private Response ok(Request rq, RegisterRequest request, List<Binding> bindings) {
        Response r = messages.response(rq, Response.OK);
        OutboundAnswer.decorate(messages, r, rq, request, registrar.natPolicy().flowTimerSeconds());
        Instant now = clock.instant();
        for (Binding b : bindings) {
            try {
                ContactHeader c = messages.headers().createContactHeader(messages.parseAddress(b.contact()));
                c.setExpires((int) Math.max(0, Duration.between(now, b.expiresAt()).toSeconds()));
                r.addHeader(c);
            } catch (ParseException | InvalidArgumentException e) {
                LOG.debug("binding contact not re-encodable: {}", b.contact());
            }
        }
        r.setHeader(messages.headers().createDateHeader(Calendar.getInstance(TimeZone.getTimeZone("GMT"))));
        return r;
    }

    private Response intervalTooBrief(Request rq, long minExpires) {
        Response r = messages.response(rq, Response.INTERVAL_TOO_BRIEF);
        try {
            r.addHeader(messages.headers().createMinExpiresHeader((int) minExpires));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }
}
