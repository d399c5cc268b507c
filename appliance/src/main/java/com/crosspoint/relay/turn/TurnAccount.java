package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.PasswordAlgorithm;
import java.util.Optional;

/**
 * The long-term keys of one TURN username in one realm (RFC 8489 s9.2.2), from which the request's
 * MESSAGE-INTEGRITY is checked. They are password-equivalent: never logged.
 *
 * @param md5Key    MD5(username:realm:password), the device's digest HA1 as bytes
 * @param sha256Key the same with SHA-256, when known
 */
public record TurnAccount(TurnUser user, byte[] md5Key, byte[] sha256Key) {

    public Optional<byte[]> key(PasswordAlgorithm algorithm) {
        return Optional.ofNullable(algorithm == PasswordAlgorithm.MD5 ? md5Key : sha256Key).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "TurnAccount[" + user + ", keys hidden]";
    }
}
