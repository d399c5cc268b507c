package com.crosspoint.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statements a table definition makes: fixed columns first, key last, in every statement. */
class TableTest {
    private static final Table USER = Table.named("app_user").fixed("tenant_id").columns("extension", "email")
            .key("id");

    @Test
    void insertListsEveryColumnInRowOrder() {
        assertThat(USER.insert())
                .isEqualTo("INSERT INTO app_user (tenant_id, extension, email, id) VALUES (?, ?, ?, ?)");
        assertThat(USER.width()).isEqualTo(4);
        assertThat(USER.fixedWidth()).isEqualTo(1);
    }

    @Test
    void updateSetsTheNonFixedColumnsOfTheKeyedRow() {
        assertThat(USER.update()).isEqualTo("UPDATE app_user SET extension = ?, email = ? WHERE id = ?");
    }

    @Test
    void selectAndDeleteUseTheSameColumnsAndKey() {
        assertThat(USER.select("WHERE id = ?"))
                .isEqualTo("SELECT tenant_id, extension, email, id FROM app_user WHERE id = ?");
        assertThat(USER.delete()).isEqualTo("DELETE FROM app_user WHERE id = ?");
    }

    @Test
    void aCompositeKeyIsMatchedColumnByColumn() {
        Table binding = Table.named("binding").columns("cseq").key("aor", "contact");

        assertThat(binding.update()).isEqualTo("UPDATE binding SET cseq = ? WHERE aor = ? AND contact = ?");
        assertThat(binding.delete()).isEqualTo("DELETE FROM binding WHERE aor = ? AND contact = ?");
    }

    @Test
    void aTableWrittenOnceHasNoUpdate() {
        Table record = Table.named("call_record").fixed("caller").key("id");

        assertThatThrownBy(record::update).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call_record");
    }
}
