package com.crosspoint.acr;

import com.crosspoint.model.Carrier;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.store.CarrierStore;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The call router's carriers as an administrator changes them: each change is committed to the store first, then
 * put into the router, so the next call routes on it (a carrier taken out of service is offered to no call from
 * then on) and a restart finds what the router had.
 */
public final class CarrierService {
    private final CarrierStore store;
    private final AdaptiveCallRouter router;

    public CarrierService(CarrierStore store, AdaptiveCallRouter router) {
        this.store = store;
        this.router = router;
    }

    /** Puts every stored carrier into the router (at start). */
    public void load() {
        router.replaceCarriers(store.list());
    }

    /** Every carrier, by name. */
    public List<Carrier> list() {
        return store.list();
    }

    public Carrier get(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** @throws com.crosspoint.store.DuplicateKeyException (field {@code name}) when the name is taken */
    public Carrier create(Carrier carrier) {
        Carrier created = store.create(carrier);
        router.putCarrier(created);
        return created;
    }

    /** Replaces every field of carrier {@code carrier.id()}. */
    public Carrier update(Carrier carrier) {
        Carrier updated;
        try {
            updated = store.update(carrier);
        } catch (NoSuchElementException e) {
            throw notFound(carrier.id());
        }
        router.putCarrier(updated);
        return updated;
    }

    /** Takes the carrier out of service or back: the router stops or starts offering it with the next call. */
    public Carrier setInService(long id, boolean inService) {
        if (!store.setInService(id, inService)) {
            throw notFound(id);
        }
        Carrier changed = get(id);
        router.putCarrier(changed);
        return changed;
    }

    /** Deletes the carrier with its decks; the router forgets its table, windows and breaker. */
    public void delete(long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        router.removeCarrier(id);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no carrier " + id);
    }
}
