package com.crosspoint.trunk;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Did;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.DidStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls coming in from the trunk: a request from one of the trunk servers' addresses (the call routers and
 * gateways, which authenticate nobody to us: their address is the credential, as between carriers) to a DID of a
 * tenant. The DID is read as the carrier may send it (E.164 with or without its {@code +}, or national) and lands
 * on the tenant's extension it names.
 */
public final class TrunkIngress {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkIngress.class);
    /** The id of the caller of a call from outside: no user of the appliance has it. */
    public static final long OUTSIDE_CALLER_ID = 0;

    /** "ip:port" of the UDP servers (they send from the port they listen on), "ip" of the TCP and TLS ones. */
    private final Set<String> trusted = new HashSet<>();
    private final DidStore dids;
    private final NumberPlan plan;

    /** @param servers the trunk servers; their names are resolved once, here */
    public TrunkIngress(List<TrunkTarget> servers, DidStore dids, NumberPlan plan) {
        this.dids = dids;
        this.plan = plan;
        for (TrunkTarget server : servers) {
            String host = server.host().startsWith("[") ? server.host().substring(1, server.host().length() - 1)
                    : server.host();
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    trusted.add(server.transport().equals("udp") ? a.getHostAddress() + ":" + server.port()
                            : a.getHostAddress());
                }
            } catch (UnknownHostException e) {
                LOG.warn("trunk server {} has no address: calls from it are not recognised", server);
            }
        }
    }

    /**
     * Whether a request from {@code sourceIp}:{@code sourcePort} comes from a trunk server. A UDP server is known by
     * its address and port, so that phones on the same host (a lab, a test) are not taken for it; a stream server
     * connects from any port, and is known by its address.
     */
    public boolean fromTrunk(String sourceIp, int sourcePort) {
        return trusted.contains(sourceIp + ":" + sourcePort) || trusted.contains(sourceIp);
    }

    /** The DID {@code called} (a Request-URI's user part) names, if a tenant has it. */
    public Optional<Did> didFor(String called) {
        List<String> candidates = new ArrayList<>(2);
        if (called.startsWith("+")) {
            plan.toE164(called).ifPresent(candidates::add);
        } else {
            plan.toE164("+" + called).ifPresent(candidates::add); // international, without its "+"
            plan.toE164(called).ifPresent(candidates::add); // as dialled nationally
        }
        for (String number : candidates) {
            Optional<Did> did = dids.findByNumber(number);
            if (did.isPresent()) {
                return did;
            }
        }
        return Optional.empty();
    }

    /** Who calls, as the PBX shows it: the number the carrier sent (or "anonymous") and its display name. */
    public static User outsideCaller(Tenant tenant, String number, String displayName) {
        String shown = number == null || number.isBlank() ? "anonymous" : number;
        return new User(OUTSIDE_CALLER_ID, tenant.id(), shown, displayName, null, CallSettings.defaults());
    }
}
