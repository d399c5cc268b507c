package com.crosspoint.api.dto;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierCredentials;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.provisioning.ValidationException;
import java.util.regex.Pattern;

/**
 * Create or replace a carrier. Left out: {@code port} 5060, {@code transport} UDP, {@code techPrefix} none, limits
 * 0 (none), {@code inService} true. {@code username} empty: the carrier does not challenge. {@code password} is
 * write-only; on a replace, left out with the same username it keeps the stored one.
 */
public record CarrierRequest(String name, String host, Integer port, CarrierTransport transport, String username,
                             String password, String techPrefix, Integer maxChannels, Integer maxCallsPerSecond,
                             Boolean inService) {
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*|[A-Za-z0-9]([A-Za-z0-9.-]{0,253})");
    private static final Pattern TECH_PREFIX = Pattern.compile("[0-9#*]{0,16}");

    /**
     * The carrier this request describes.
     *
     * @param id       0 for a new carrier
     * @param previous the carrier as stored (for a kept password), or null
     */
    public Carrier toCarrier(long id, Carrier previous) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > Carrier.MAX_NAME_LENGTH) {
            throw new ValidationException("name", "is required, 1 to " + Carrier.MAX_NAME_LENGTH + " characters");
        }
        String h = host == null ? "" : host.trim();
        if (!HOST.matcher(h).matches()) {
            throw new ValidationException("host", "must be a host name or an IP address");
        }
        int p = port == null ? 5060 : port;
        if (p < 1 || p > 65_535) {
            throw new ValidationException("port", "must be from 1 to 65535");
        }
        String prefix = techPrefix == null ? "" : techPrefix.trim();
        if (!TECH_PREFIX.matcher(prefix).matches()) {
            throw new ValidationException("techPrefix", "must be up to 16 of 0-9, # and *");
        }
        int channels = limit("maxChannels", maxChannels);
        int cps = limit("maxCallsPerSecond", maxCallsPerSecond);
        return new Carrier(id, n, h.startsWith("[") ? h.substring(1, h.length() - 1) : h, p,
                transport == null ? CarrierTransport.UDP : transport, credentials(previous), prefix, channels, cps,
                inService == null || inService);
    }

    private CarrierCredentials credentials(Carrier previous) {
        String user = username == null ? "" : username.trim();
        if (user.isEmpty()) {
            if (password != null && !password.isEmpty()) {
                throw new ValidationException("username", "is required with a password");
            }
            return null;
        }
        if (user.length() > 128) {
            throw new ValidationException("username", "must be at most 128 characters");
        }
        if (password == null || password.isEmpty()) {
            CarrierCredentials kept = previous == null ? null : previous.credentials();
            if (kept == null || !kept.username().equals(user)) {
                throw new ValidationException("password", "is required with a new username");
            }
            return kept;
        }
        if (password.length() > 128) {
            throw new ValidationException("password", "must be at most 128 characters");
        }
        return new CarrierCredentials(user, password);
    }

    private static int limit(String field, Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > 1_000_000) {
            throw new ValidationException(field, "must be from 0 (no limit) to 1000000");
        }
        return value;
    }
}
