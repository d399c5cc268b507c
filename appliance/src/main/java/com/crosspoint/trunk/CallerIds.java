package com.crosspoint.trunk;

import com.crosspoint.model.User;
import java.util.Optional;

/** The public number a user's outside calls present: a DID of their own, else their tenant's main number. */
@FunctionalInterface
public interface CallerIds {
    Optional<String> of(User user);
}
