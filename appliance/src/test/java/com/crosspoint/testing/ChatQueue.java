package com.crosspoint.testing;

import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.model.User;
import java.util.Arrays;
import java.util.Map;

/** A contact-center queue of the test tenant that visitors' chats name (and callers may dial), with its agents. */
public final class ChatQueue {
    private ChatQueue() {
    }

    /**
     * Creates queue {@code number} called {@code name} (ring-all, 10 s to answer a call, no wrap-up) answered by
     * {@code agents}; {@code chatWhileOnCall}: its agents may be offered chats during its calls.
     */
    public static QueueConfig create(TestAppliance pbx, String number, String name, boolean chatWhileOnCall,
                                     User... agents) {
        AcdService acd = pbx.appliance().acd();
        long tenant = pbx.tenant().id();
        QueueConfig q = acd.create(new QueueConfig(0, tenant, number, name, Strategy.RING_ALL, 0, 0, null, 0, 10, 0,
                0, 20, null, 0, 0, chatWhileOnCall));
        acd.setMembers(tenant, q.id(), Arrays.stream(agents).map(a -> new Member(0, a.id(), Map.of())).toList());
        return q;
    }
}
