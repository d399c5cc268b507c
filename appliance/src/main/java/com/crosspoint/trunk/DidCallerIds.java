package com.crosspoint.trunk;

import com.crosspoint.model.Did;
import com.crosspoint.model.User;
import com.crosspoint.store.DidStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Caller IDs from the DIDs of the store: the lowest-numbered DID of the user's extension, else the tenant's main. */
public final class DidCallerIds implements CallerIds {
    private final DidStore dids;

    public DidCallerIds(DidStore dids) {
        this.dids = dids;
    }

    @Override
    public Optional<String> of(User user) {
        List<Did> owned = dids.list(user.tenantId());
        Optional<Did> own = owned.stream().filter(d -> d.extension().equals(user.extension()))
                .min(Comparator.comparing(Did::number));
        return own.or(() -> owned.stream().filter(Did::main).findFirst()).map(Did::number);
    }
}
