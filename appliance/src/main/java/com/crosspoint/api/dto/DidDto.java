package com.crosspoint.api.dto;

import com.crosspoint.model.Did;

/** A DID: a public E.164 number that rings {@code extension} of the tenant; {@code main} is the tenant's main number. */
public record DidDto(long id, long tenantId, String number, String extension, boolean main) {

    public static DidDto of(Did d) {
        return new DidDto(d.id(), d.tenantId(), d.number(), d.extension(), d.main());
    }
}
