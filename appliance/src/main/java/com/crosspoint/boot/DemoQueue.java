package com.crosspoint.boot;

import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.Stores;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant's contact-center queue "support" (number {@value #NUMBER}), its demo extensions the members: the
 * chat demo page ({@code /chat/demo.html}) sends visitors to it, and dialling it queues a call, so a newcomer can
 * try both without setting up a queue first. Stored with the new tenant, before the contact center loads its queues;
 * the admin may change or delete it like any other.
 */
final class DemoQueue {
    static final String NUMBER = "600";
    static final String NAME = "support";

    private DemoQueue() {
    }

    /** Stores the queue unless a demo extension has its number. */
    static void seed(Stores stores, Tenant tenant, List<String> extensions) {
        if (extensions.contains(NUMBER)) {
            return;
        }
        // ring-all for 20 s, no wait limit, positions every 30 s, 10 s of wrap-up, service level within 20 s
        QueueConfig support = stores.acd().createQueue(new QueueConfig(0, tenant.id(), NUMBER, NAME, Strategy.RING_ALL,
                0, 0, null, 30, 20, 3, 10, 20, null, 0, 0, false));
        List<Member> members = extensions.stream()
                .flatMap(ext -> stores.users().findByExtension(tenant.id(), ext).stream())
                .map(u -> new Member(support.id(), u.id(), Map.of()))
                .toList();
        stores.acd().setMembers(support.id(), members);
    }
}
