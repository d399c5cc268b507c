package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierCredentials;
import com.crosspoint.model.CarrierTransport;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link CarrierStore} shows. */
public interface CarrierStoreContract {
    Stores stores();

    private CarrierStore carriers() {
        return stores().carriers();
    }

    @Test
    default void createdCarrierGetsAnIdAndKeepsEveryField() {
        String name = StoreFixtures.unique("carrier \"Ü\" ");
        Carrier saved = carriers().create(new Carrier(0, name, "2001:db8::7", 5061, CarrierTransport.TLS,
                new CarrierCredentials("acct-17", "s3cret:with;odd chars"), "#123", 240, 30, true));

        assertThat(saved.id()).isPositive();
        assertThat(carriers().find(saved.id())).contains(saved);
        assertThat(carriers().findByName(name)).contains(saved);
        assertThat(saved.address()).isEqualTo("[2001:db8::7]:5061");
    }

    @Test
    default void aCarrierWithoutCredentialsReadsBackWithout() {
        Carrier saved = carriers().create(StoreFixtures.carrier(StoreFixtures.unique("plain")));

        assertThat(carriers().find(saved.id()).orElseThrow().credentials()).isNull();
    }

    @Test
    default void namesAreUnique() {
        String name = StoreFixtures.unique("carrier");
        carriers().create(StoreFixtures.carrier(name));

        assertThatThrownBy(() -> carriers().create(StoreFixtures.carrier(name)))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining(name)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("name"));
    }

    @Test
    default void listIsByName() {
        String stem = StoreFixtures.unique("list");
        Carrier b = carriers().create(StoreFixtures.carrier(stem + "-b"));
        Carrier a = carriers().create(StoreFixtures.carrier(stem + "-a"));

        assertThat(carriers().list()).filteredOn(c -> c.name().startsWith(stem)).containsExactly(a, b);
    }

    @Test
    default void updateReplacesEveryFieldAndKeepsNamesUnique() {
        Carrier c = carriers().create(StoreFixtures.carrier(StoreFixtures.unique("upd")));
        Carrier other = carriers().create(StoreFixtures.carrier(StoreFixtures.unique("upd")));

        Carrier changed = new Carrier(c.id(), StoreFixtures.unique("renamed"), "sbc.example.net", 5080,
                CarrierTransport.TCP, new CarrierCredentials("u", "p"), "99", 0, 0, false);
        assertThat(carriers().update(changed)).isEqualTo(changed);
        assertThat(carriers().find(c.id())).contains(changed);

        assertThatThrownBy(() -> carriers().update(changed.withInService(true).withId(other.id())))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> carriers().update(changed.withId(987_654_321L)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void takingOutOfServiceAndBack() {
        Carrier c = carriers().create(StoreFixtures.carrier(StoreFixtures.unique("svc")));

        assertThat(carriers().setInService(c.id(), false)).isTrue();
        assertThat(carriers().find(c.id()).orElseThrow().inService()).isFalse();
        assertThat(carriers().setInService(c.id(), true)).isTrue();
        assertThat(carriers().find(c.id()).orElseThrow().inService()).isTrue();
        assertThat(carriers().setInService(987_654_321L, true)).isFalse();
    }

    @Test
    default void deleteRemovesTheCarrierAndItsDecks() {
        Carrier c = carriers().create(StoreFixtures.carrier(StoreFixtures.unique("del")));
        long deck = stores().rateDecks().stage(c.id(), "deck.csv", StoreFixtures.T0).id();
        stores().rateDecks().addRows(deck, List.of(StoreFixtures.rate("44", 12_500)));
        stores().rateDecks().activate(deck);

        assertThat(carriers().delete(c.id())).isTrue();
        assertThat(carriers().delete(c.id())).isFalse();
        assertThat(carriers().find(c.id())).isEmpty();
        assertThat(stores().rateDecks().find(deck)).isEmpty();
        assertThat(stores().rateDecks().active(c.id())).isEmpty();
    }
}
