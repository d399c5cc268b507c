package com.crosspoint.api.dto;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;

/** An API account without its password hash. */
public record AdminDto(long id, String username, Role role, Long tenantId) {

    public static AdminDto of(AdminAccount a) {
        return new AdminDto(a.id(), a.username(), a.role(), a.tenantId());
    }
}
