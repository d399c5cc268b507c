package com.crosspoint.console.viewmodel;

/** A tenant the ACD tab may show (a global login chooses one). */
public record TenantChoice(long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
