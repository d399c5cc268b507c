package com.crosspoint.chat.acd;

import com.crosspoint.acd.AcdListener;
import com.crosspoint.acd.AgentPicker;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.chat.ChatAgent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A real contact center with chat queues, and the agents who answer them, for chat tests. */
public final class AcdChats {
    private AcdChats() {
    }

    /** A contact center whose tenant has the queues named (numbers 500, 501, ... in name order), chats refused on calls. */
    public static ContactCenter center(Clock clock, long tenantId, Map<String, List<ChatAgent>> queues) {
        ContactCenter center = new ContactCenter(clock, new AgentPicker(n -> 0), AcdListener.NONE);
        long id = 0;
        for (Map.Entry<String, List<ChatAgent>> q : new TreeMap<>(queues).entrySet()) {
            id++;
            long queueId = id;
            center.configure(queue(queueId, tenantId, String.valueOf(499 + id), q.getKey(), false),
                    q.getValue().stream().map(a -> new Member(queueId, a.userId(), Map.of())).toList());
        }
        return center;
    }

    public static QueueConfig queue(long id, long tenantId, String number, String name, boolean chatWhileOnCall) {
        return new QueueConfig(id, tenantId, number, name, Strategy.RING_ALL, 0, 0, null, 0, 15, 0, 0, 20, null, 0, 0,
                chatWhileOnCall);
    }

    /** These agents, by id and extension (of any tenant). */
    public static ChatAgents people(ChatAgent... agents) {
        List<ChatAgent> all = Arrays.asList(agents);
        return new ChatAgents() {
            @Override
            public Optional<ChatAgent> byId(long userId) {
                return all.stream().filter(a -> a.userId() == userId).findFirst();
            }

            @Override
            public Optional<ChatAgent> byExtension(long tenantId, String extension) {
                return all.stream().filter(a -> a.extension().equals(extension)).findFirst();
            }
        };
    }
}
