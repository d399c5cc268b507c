package com.crosspoint.routing;

import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A call as dialled, stripped of its signalling: who calls, from which tenant, the number they dialled and the
 * tenant that owns the domain they dialled it at (empty when no tenant does).
 */
public record DialledCall(Tenant tenant, User caller, String number, OptionalLong calledTenantId) {
    public DialledCall {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(calledTenantId, "calledTenantId");
    }
}
