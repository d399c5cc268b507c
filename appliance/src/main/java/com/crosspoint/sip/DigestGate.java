package com.crosspoint.sip;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureReason;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.AuthResult;
import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestCredentials;
import com.crosspoint.auth.DigestVerifier;
import com.crosspoint.auth.StoredCredential;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.AccountBackOffEvent;
import com.crosspoint.events.Event;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import gov.nist.javax.sip.header.SIPHeader;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of a request against the devices of a tenant (realm = the tenant's domain).
 * Either returns the device or has already answered: a 401/407 challenge offering SHA-256 and MD5,
 * or 403 to a source that failed too often, or to an account that failed too often from sources that
 * never authenticated as it (an {@link AccountBackOffEvent} tells the admins). Every failure looks the same
 * to the client, an unknown user's as a wrong password's.
 */
public final class DigestGate {
    private static final Logger LOG = LoggerFactory.getLogger(DigestGate.class);

    /** WWW: a registrar or UAS (401 + Authorization); PROXY: calls and messages (407 + Proxy-Authorization). */
    public enum Mode { WWW, PROXY }

    /** Failures that tell a guess: a wrong password, or a username that does not exist. */
    private static final Set<AuthFailureReason> ACCOUNT_FAILURES =
            EnumSet.of(AuthFailureReason.BAD_RESPONSE, AuthFailureReason.UNKNOWN_USER);

    private final SipMessages messages;
    private final Directory directory;
    private final DigestVerifier verifier;
    private final Guards guards;

    private final List<DigestAlgorithm> algorithms;

    private final List<String> md5OnlyUserAgents;

    /**
     * What stands between a guesser and the verifier: failures per source address, failures per account, and
     * where an account's back-off is announced.
     */
    public record Guards(AuthFailureThrottle sources, AccountFailureBudget accounts, Consumer<Event> publish) {
    }

    /**
     * @param algorithms        the algorithms to challenge with, most preferred first (RFC 8760 §2.3)
     * @param md5OnlyUserAgents User-Agent fragments of phones that only cope with an MD5 challenge
     */
    public DigestGate(SipMessages messages, Directory directory, DigestVerifier verifier, Guards guards,
                      List<DigestAlgorithm> algorithms, List<String> md5OnlyUserAgents) {
        this.algorithms = List.copyOf(algorithms);
        this.md5OnlyUserAgents = md5OnlyUserAgents.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        this.messages = messages;
        this.directory = directory;
        this.verifier = verifier;
        this.guards = guards;
    }

    /** A request's sender: its tenant and the device that proved who it is. */
    public record Sender(Tenant tenant, Device device) {
    }

    /**
     * Authenticates a request from a device (MESSAGE, SUBSCRIBE): the tenant is the From domain's
     * (else the node's default tenant); answers 403 for an unknown tenant, or the challenge, and
     * returns empty in both cases.
     */
    public Optional<Sender> authenticateSender(Request rq, ServerTransaction st, TenantResolver tenants, Mode mode) {
        Optional<Tenant> tenant = tenants.resolve(((gov.nist.javax.sip.message.SIPRequest) rq).getFrom().getAddress()
                .getURI()).or(directory::defaultTenant);
        if (tenant.isEmpty()) {
            messages.send(st, messages.response(rq, Response.FORBIDDEN));
            return Optional.empty();
        }
        return authenticate(rq, st, tenant.get(), mode).map(d -> new Sender(tenant.get(), d));
    }

    public Optional<Device> authenticate(Request rq, ServerTransaction st, Tenant tenant, Mode mode) {
        String source = SipMessages.sourceHostOf(rq);
        if (guards.sources().isBlocked(source)) {
            messages.send(st, messages.response(rq, Response.FORBIDDEN, "Too many failed attempts"));
            return Optional.empty();
        }
        String credentials = credentialsFor(rq, mode, tenant.domain());
        // Unknown usernames are budgeted like known ones: a back-off must not tell which accounts exist.
        Optional<String> account = DigestCredentials.parse(credentials).map(c -> c.username() + "@" + tenant.domain());
        if (account.isPresent() && !guards.accounts().allows(account.get(), source)) {
            messages.send(st, messages.refusal(rq, EdgeRefusals.Reason.ACCOUNT_BACK_OFF, Response.FORBIDDEN,
                    "Too many failed attempts"));
            return Optional.empty();
        }
        AuthResult result = verifier.verify(rq.getMethod(), credentials, tenant.domain(),
                username -> directory.deviceBySipUsername(tenant.id(), username)
                        .map(d -> new StoredCredential(d.ha1Md5(), d.ha1Sha256())));
        if (result instanceof AuthResult.Authenticated ok) {
            account.ifPresent(a -> guards.accounts().recordSuccess(a, source));
            return directory.deviceBySipUsername(tenant.id(), ok.username());
        }
        AuthResult.Challenge challenge = (AuthResult.Challenge) result;
        if (guards.sources().recordFailure(source, challenge.reason())) {
            LOG.warn("blocking {} after repeated authentication failures", source);
        }
        if (account.isPresent() && ACCOUNT_FAILURES.contains(challenge.reason())) {
            guards.accounts().recordFailure(account.get(), source)
                    .ifPresent(backOff -> announce(tenant, backOff, challenge.reason()));
        }
        LOG.debug("challenging {} from {}: {}", rq.getMethod(), source, challenge.reason());
        int status = mode == Mode.WWW ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED;
        Response r = messages.response(rq, status);
        String name = mode == Mode.WWW ? WWWAuthenticateHeader.NAME : ProxyAuthenticateHeader.NAME;
        try {
            for (DigestAlgorithm a : algorithmsFor(rq)) {
                r.addHeader(messages.headers().createHeader(name, challenge.challenge().headerValue(a)));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("challenge does not parse", e);
        }
        messages.send(st, r);
        return Optional.empty();
    }

    /** One line and, for an account that exists, an event for the tenant's admins. */
    private void announce(Tenant tenant, AccountFailureBudget.BackOff backOff, AuthFailureReason reason) {
        LOG.warn("account {} backs off for {} s: {} failed attempts from {} addresses", backOff.account(),
                backOff.duration().toSeconds(), backOff.failures(), backOff.sources());
        if (reason == AuthFailureReason.BAD_RESPONSE) {
            guards.publish().accept(new AccountBackOffEvent(tenant.id(), "sip", backOff.account(), backOff.failures(),
                    backOff.sources(), backOff.duration(), backOff.until(), backOff.until().minus(backOff.duration())));
        }
    }

    /** The configured algorithms, or MD5 alone for a phone on the MD5-only list. */
    private List<DigestAlgorithm> algorithmsFor(Request rq) {
        var ua = (javax.sip.header.UserAgentHeader) rq.getHeader(javax.sip.header.UserAgentHeader.NAME);
        if (ua != null && !md5OnlyUserAgents.isEmpty()) {
            String value = ((SIPHeader) ua).getHeaderValue().toLowerCase(java.util.Locale.ROOT);
            if (md5OnlyUserAgents.stream().anyMatch(value::contains)) {
                return List.of(DigestAlgorithm.MD5);
            }
        }
        return algorithms;
    }

    /** The credentials value for our realm; a request may carry several (one per realm it knows). */
    private static String credentialsFor(Request rq, Mode mode, String realm) {
        String name = mode == Mode.WWW ? AuthorizationHeader.NAME : ProxyAuthorizationHeader.NAME;
        Iterator<?> it = rq.getHeaders(name);
        String first = null;
        while (it.hasNext()) {
            Object h = it.next();
            String value = ((SIPHeader) h).getHeaderValue();
            if (first == null) {
                first = value;
            }
            if (h instanceof AuthorizationHeader a && realm.equalsIgnoreCase(a.getRealm())) {
                return value;
            }
        }
        return first;
    }
}
