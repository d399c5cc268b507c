package com.crosspoint.relay.turn;

import com.crosspoint.directory.Directory;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.relay.stun.PasswordAlgorithm;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * TURN users are the registrar's: a username is a device's SIP user name in the tenant whose SIP domain is the realm,
 * and its keys are the HA1 hashes stored for the device (RFC 8489's MD5(username:realm:password) is the digest HA1;
 * its SHA-256 key is the SHA-256 HA1). So there is no second password store and a phone uses its SIP credentials.
 * An ephemeral username ({@link RestCredentials}) names a user of a tenant instead; its keys are computed.
 */
public final class DirectoryCredentials implements CredentialSource {
    private static final HexFormat HEX = HexFormat.of();

    private final Directory directory;
    private final RestCredentials ephemeral;

    public DirectoryCredentials(Directory directory, RestCredentials ephemeral) {
        this.directory = directory;
        this.ephemeral = ephemeral;
    }

    @Override
    public Optional<TurnAccount> find(String username, String realm) {
        Optional<Tenant> tenant = directory.tenantByDomain(realm);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        if (RestCredentials.looksEphemeral(username)) {
            return ephemeral.identityOf(username).flatMap(this::userOf).map(u -> {
                String password = ephemeral.passwordOf(username);
                return new TurnAccount(new TurnUser(u.tenantId(), u.id(), identity(u)),
                        PasswordAlgorithm.MD5.key(username, realm, password),
                        PasswordAlgorithm.SHA_256.key(username, realm, password));
            });
        }
        return directory.deviceBySipUsername(tenant.get().id(), username).map((Device d) -> new TurnAccount(
                new TurnUser(d.tenantId(), d.userId(), username + "@" + tenant.get().domain()),
                HEX.parseHex(d.ha1Md5()), HEX.parseHex(d.ha1Sha256())));
    }

    /** The identity ephemeral credentials carry for a user: {@code <extension>@<tenant domain>}. */
    public String identity(User user) {
        String domain = directory.tenant(user.tenantId()).map(Tenant::domain).orElse("");
        return user.extension() + "@" + domain;
    }

    private Optional<User> userOf(String identity) {
        int at = identity.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return directory.tenantByDomain(identity.substring(at + 1).toLowerCase(Locale.ROOT))
                .flatMap(t -> directory.userByExtension(t.id(), identity.substring(0, at)));
    }
}
