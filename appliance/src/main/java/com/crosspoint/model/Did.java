package com.crosspoint.model;

import java.util.Objects;

/**
 * A DID (direct inward dialling number): a public number, in E.164, that a carrier sends to the appliance and
 * that lands on {@code extension} of the tenant (a user, a menu, a room: whatever that extension is in its dial
 * plan). The user whose extension it is may present it as caller ID; the tenant's {@code main} DID is presented
 * by users who own none.
 *
 * @param number    E.164, {@code +} and 6 to 15 digits; unique across tenants
 * @param extension what the number rings inside the tenant
 * @param main      whether it is the tenant's main number (at most one per tenant)
 */
public record Did(long id, long tenantId, String number, String extension, boolean main) {
    public Did {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(extension, "extension");
        if (!number.matches("\\+[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("a DID is an E.164 number (+ and 6 to 15 digits): " + number);
        }
    }
}
