package com.crosspoint.sip;

import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Finds the tenant a request is for from the host of a SIP URI: a tenant's own domain, or any
 * address of this appliance, which the default tenant answers for (phones configured with the
 * appliance's IP work without DNS).
 */
public final class TenantResolver {
    private final Directory directory;
    private final Set<String> ownHosts;

    public TenantResolver(Directory directory, Set<String> extraOwnHosts) {
        this.directory = directory;
        Set<String> hosts = new HashSet<>(localAddresses());
        extraOwnHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        hosts.add("localhost");
        this.ownHosts = Set.copyOf(hosts);
    }

    public Optional<Tenant> resolve(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return Optional.empty();
        }
        return resolve(sip.getHost());
    }

    public Optional<Tenant> resolve(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        Optional<Tenant> byDomain = directory.tenantByDomain(h);
        if (byDomain.isPresent()) {
            return byDomain;
        }
        return ownHosts.contains(h) ? directory.defaultTenant() : Optional.empty();
    }

    public boolean isOwnHost(String host) {
        return host != null && ownHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Set<String> localAddresses() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    out.add((zone >= 0 ? s.substring(0, zone) : s).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SocketException e) {
            out.add("127.0.0.1");
        }
        return out;
    }
}
