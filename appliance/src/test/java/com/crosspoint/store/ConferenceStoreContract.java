package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.model.Tenant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ConferenceStore} shows. */
public interface ConferenceStoreContract {
    Stores stores();

    private ConferenceStore rooms() {
        return stores().conferences();
    }

    private ConferenceRoom room(Tenant t, String number) {
        return rooms().create(new ConferenceRoom(0, t.id(), number, "Room " + number, null, 20));
    }

    @Test
    default void createdRoomGetsAnIdAndKeepsEveryField() {
        Tenant t = StoreFixtures.tenant(stores());
        ConferenceRoom saved = rooms().create(new ConferenceRoom(0, t.id(), "800", "Board \"Ü\"",
                "pbkdf2-sha256$1$abc$def", 42));

        assertThat(saved.id()).isPositive();
        assertThat(saved).isEqualTo(new ConferenceRoom(saved.id(), t.id(), "800", "Board \"Ü\"",
                "pbkdf2-sha256$1$abc$def", 42));
        assertThat(rooms().find(saved.id())).contains(saved);
        assertThat(rooms().findByNumber(t.id(), "800")).contains(saved);
        assertThat(rooms().findByNumber(t.id(), "801")).isEmpty();
    }

    @Test
    default void numbersAreUniquePerTenantOnly() {
        Tenant a = StoreFixtures.tenant(stores());
        Tenant b = StoreFixtures.tenant(stores());
        room(a, "800");

        assertThatThrownBy(() -> room(a, "800")).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("800")
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("number"));
        ConferenceRoom other = room(b, "800");
        assertThat(rooms().findByNumber(b.id(), "800")).contains(other);
    }

    @Test
    default void listIsByNumberAndOnlyTheTenants() {
        Tenant a = StoreFixtures.tenant(stores());
        Tenant b = StoreFixtures.tenant(stores());
        ConferenceRoom r802 = room(a, "802");
        ConferenceRoom r800 = room(a, "800");
        room(b, "801");

        assertThat(rooms().list(a.id())).containsExactly(r800, r802);
    }

    @Test
    default void updateReplacesFieldsAndKeepsNumbersUnique() {
        Tenant t = StoreFixtures.tenant(stores());
        ConferenceRoom r = room(t, "800");
        room(t, "801");

        ConferenceRoom changed = new ConferenceRoom(r.id(), t.id(), "810", null, "hash", 2);
        assertThat(rooms().update(changed)).isEqualTo(changed);
        assertThat(rooms().find(r.id())).contains(changed);
        assertThat(rooms().findByNumber(t.id(), "800")).isEmpty();

        assertThatThrownBy(() -> rooms().update(new ConferenceRoom(r.id(), t.id(), "801", null, null, 20)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> rooms().update(new ConferenceRoom(987_654_321L, t.id(), "899", null, null, 20)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteRemovesTheRoomAndDeletingTheTenantRemovesItsRooms() {
        Tenant t = StoreFixtures.tenant(stores());
        ConferenceRoom r = room(t, "800");
        ConferenceRoom s = room(t, "801");

        assertThat(rooms().delete(r.id())).isTrue();
        assertThat(rooms().delete(r.id())).isFalse();
        assertThat(rooms().find(r.id())).isEmpty();

        stores().tenants().delete(t.id());
        assertThat(rooms().find(s.id())).isEmpty();
    }
}
