package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;
import com.crosspoint.model.Tenant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link AdminStore} shows. */
public interface AdminStoreContract {
    Stores stores();

    private AdminStore admins() {
        return stores().admins();
    }

    @Test
    default void createdAccountsAreFoundByUsername() {
        Tenant tenant = StoreFixtures.tenant(stores());
        String rootName = StoreFixtures.unique("root");
        String operatorName = StoreFixtures.unique("operator");

        AdminAccount root = admins().create(rootName, "$2a$10$root", Role.SUPERADMIN, null);
        AdminAccount operator = admins().create(operatorName, "$2a$10$op", Role.OPERATOR, tenant.id());

        assertThat(root).isEqualTo(new AdminAccount(root.id(), rootName, "$2a$10$root", Role.SUPERADMIN, null));
        assertThat(operator).isEqualTo(new AdminAccount(operator.id(), operatorName, "$2a$10$op", Role.OPERATOR,
                tenant.id()));
        assertThat(admins().findByUsername(rootName)).contains(root);
        assertThat(admins().findByUsername(operatorName)).contains(operator);
        assertThat(admins().findByUsername("nobody")).isEmpty();
        assertThat(admins().list()).containsSubsequence(root, operator);
    }

    @Test
    default void usernameIsUnique() {
        String name = StoreFixtures.unique("admin");
        admins().create(name, "hash", Role.SUPERADMIN, null);

        assertThatThrownBy(() -> admins().create(name, "other", Role.OPERATOR, null))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThat(admins().list()).filteredOn(a -> a.username().equals(name)).hasSize(1);
    }

    @Test
    default void passwordHashIsReplaced() {
        AdminAccount account = admins().create(StoreFixtures.unique("admin"), "old", Role.SUPERADMIN, null);

        admins().updatePasswordHash(account.id(), "new");

        assertThat(admins().findByUsername(account.username())).contains(
                new AdminAccount(account.id(), account.username(), "new", Role.SUPERADMIN, null));
    }

    @Test
    default void passwordChangeOfUnknownAccountFails() {
        assertThatThrownBy(() -> admins().updatePasswordHash(Long.MAX_VALUE, "x"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteReportsWhetherTheAccountExisted() {
        AdminAccount account = admins().create(StoreFixtures.unique("admin"), "hash", Role.SUPERADMIN, null);

        assertThat(admins().delete(account.id())).isTrue();
        assertThat(admins().delete(account.id())).isFalse();
        assertThat(admins().findByUsername(account.username())).isEmpty();
    }
}
