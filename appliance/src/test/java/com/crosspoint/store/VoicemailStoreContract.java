package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link VoicemailStore} shows. */
public interface VoicemailStoreContract {
    Stores stores();

    private VoicemailStore voicemails() {
        return stores().voicemails();
    }

    private Voicemail leave(User box, String from, long secondsAfterT0) {
        return voicemails().save(new Voicemail(0, box.tenantId(), box.id(), from, "Caller " + from,
                T0.plusSeconds(secondsAfterT0), 4_200, StoreFixtures.unique("vm/") + ".wav", VoicemailFolder.NEW));
    }

    @Test
    default void savedVoicemailGetsAnIdAndKeepsEveryField() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User box = StoreFixtures.user(stores(), tenant);
        Voicemail v = new Voicemail(0, tenant.id(), box.id(), null, "\"Ünknown\" <sip:+4930123@carrier.example>",
                T0, 5_123, "1/1001/msg-1.wav", VoicemailFolder.NEW);

        Voicemail saved = voicemails().save(v);

        assertThat(saved.id()).isPositive();
        assertThat(voicemails().find(saved.id())).contains(saved);
        assertThat(saved).isEqualTo(new Voicemail(saved.id(), tenant.id(), box.id(), null,
                "\"Ünknown\" <sip:+4930123@carrier.example>", T0, 5_123, "1/1001/msg-1.wav", VoicemailFolder.NEW));
    }

    @Test
    default void foldersListOldestFirstAndCountsFollowMovesAndDeletes() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User box = StoreFixtures.user(stores(), tenant);
        User other = StoreFixtures.user(stores(), tenant);
        Voicemail second = leave(box, "1002", 20);
        Voicemail first = leave(box, "1003", 10);
        Voicemail third = leave(box, "1004", 30);
        leave(other, "1002", 5);

        assertThat(voicemails().list(box.id(), VoicemailFolder.NEW)).containsExactly(first, second, third);
        assertThat(voicemails().counts(box.id())).isEqualTo(new MailboxCounts(3, 0));

        assertThat(voicemails().move(second.id(), VoicemailFolder.SAVED)).isTrue();
        assertThat(voicemails().delete(third.id())).isTrue();

        assertThat(voicemails().list(box.id(), VoicemailFolder.NEW)).containsExactly(first);
        assertThat(voicemails().list(box.id(), VoicemailFolder.SAVED))
                .containsExactly(second.inFolder(VoicemailFolder.SAVED));
        assertThat(voicemails().listAll(box.id())).containsExactly(second.inFolder(VoicemailFolder.SAVED), first);
        assertThat(voicemails().counts(box.id())).isEqualTo(new MailboxCounts(1, 1));
        assertThat(voicemails().counts(other.id())).isEqualTo(new MailboxCounts(1, 0));
        assertThat(voicemails().find(third.id())).isEmpty();
        assertThat(voicemails().allFiles()).contains(first.file(), second.file()).doesNotContain(third.file());
    }

    @Test
    default void anEmptyMailboxCountsZeroAndUnknownIdsAreReportedNotThrown() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User box = StoreFixtures.user(stores(), tenant);

        assertThat(voicemails().counts(box.id())).isEqualTo(MailboxCounts.EMPTY);
        assertThat(voicemails().move(987_654_321L, VoicemailFolder.SAVED)).isFalse();
        assertThat(voicemails().delete(987_654_321L)).isFalse();
    }

    @Test
    default void deletingTheUserDeletesItsMailboxAndPin() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User box = StoreFixtures.user(stores(), tenant);
        Voicemail v = leave(box, "1002", 1);
        voicemails().setPinHash(box.id(), "pbkdf2$example");

        stores().users().delete(box.id());

        assertThat(voicemails().find(v.id())).isEmpty();
        assertThat(voicemails().pinHash(box.id())).isEmpty();
    }

    @Test
    default void pinIsSetThenReplaced() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User box = StoreFixtures.user(stores(), tenant);

        assertThat(voicemails().pinHash(box.id())).isEmpty();
        voicemails().setPinHash(box.id(), "hash-1");
        voicemails().setPinHash(box.id(), "hash-2");

        assertThat(voicemails().pinHash(box.id())).contains("hash-2");
        assertThatThrownBy(() -> voicemails().setPinHash(987_654_321L, "hash"))
                .isInstanceOf(NoSuchElementException.class);
    }
}
