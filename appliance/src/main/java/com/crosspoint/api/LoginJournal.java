package com.crosspoint.api;

import com.crosspoint.model.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where {@link LoginSessions} keeps its logins so that a restart signs nobody out. Only a hash of each token is
 * kept, never the token itself.
 */
interface LoginJournal {

    /** One login as kept: the SHA-256 of its token, its CSRF token, who, and until when. */
    record Entry(String id, String csrfToken, long accountId, String username, Role role, Long tenantId, Long userId,
                 String extension, Instant expiresAt) {
    }

    /** The logins kept, as last saved. */
    List<Entry> load();

    /** Replaces what is kept by {@code logins}; durable when it returns. */
    void save(Collection<Entry> logins);

    /** Keeps nothing: a restart signs everyone out (tests and API servers without a data directory). */
    LoginJournal NONE = new LoginJournal() {
        @Override
        public List<Entry> load() {
            return List.of();
        }

        @Override
        public void save(Collection<Entry> logins) {
            // nothing kept
        }
    };
}
