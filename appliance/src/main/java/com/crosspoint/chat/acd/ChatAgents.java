package com.crosspoint.chat.acd;

import com.crosspoint.chat.ChatAgent;
import com.crosspoint.directory.Directory;
import java.util.Optional;

/** Who a contact-center agent is to the chat (its name for visitors), looked up on each use. */
public interface ChatAgents {
    Optional<ChatAgent> byId(long userId);

    Optional<ChatAgent> byExtension(long tenantId, String extension);

    /** The tenant users of the directory. */
    static ChatAgents of(Directory directory) {
        return new ChatAgents() {
            @Override
            public Optional<ChatAgent> byId(long userId) {
                return directory.user(userId).map(u -> new ChatAgent(u.id(), u.extension(), u.displayName()));
            }

            @Override
            public Optional<ChatAgent> byExtension(long tenantId, String extension) {
                return directory.userByExtension(tenantId, extension)
                        .map(u -> new ChatAgent(u.id(), u.extension(), u.displayName()));
            }
        };
    }
}
