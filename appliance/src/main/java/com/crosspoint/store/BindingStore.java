package com.crosspoint.store;

import com.crosspoint.model.Binding;
import java.util.Collection;
import java.util.List;

/**
 * Registrations, written through from the registrar's memory. One call is one transaction, so a
 * burst of REGISTERs can be committed together before their 200 OKs are sent.
 */
public interface BindingStore {
    /** Inserts or replaces (by aor + contact) the upserts and removes the removals, in one commit. */
    void apply(Collection<Binding> upserts, Collection<BindingKey> removals);

    List<Binding> listAll();

    /** The identity of a binding. */
    record BindingKey(String aor, String contact) {
    }
}
