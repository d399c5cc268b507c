package com.crosspoint.acd.bench;

import com.crosspoint.testing.AdminApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's tenant (the demo tenant under {@link #DOMAIN}, see {@code bench/acd-bench.yaml}), filled through
 * the REST API as an admin fills it: agents (users with a web password, members
 * of the chat queue), callers (users with a SIP device each), the chat queue the visitors name, and a voice queue
 * with no member, so every caller waits in it hearing the position announcement and music on hold.
 */
final class ContactCenterSetup {
    static final String DOMAIN = "acdbench.example";
    static final String AGENT_PASSWORD = "acdbench-agent-pw";
    static final String SIP_PASSWORD = "acdbench-sip-pw";
    static final String CHAT_QUEUE = "710";
    static final String VOICE_QUEUE = "711";
    static final int FIRST_AGENT = 20001;
    static final int FIRST_CALLER = 30001;

    private ContactCenterSetup() {
    }

    /**
     * Creates it all in the demo tenant; returns the tenant id.
     *
     * @param announceSeconds the voice queue repeats position and wait every this many seconds
     */
    static long provision(AdminApi api, int agents, int callers, int announceSeconds) throws Exception {
        long tenant = api.tenantId(DOMAIN);
        String users = "/tenants/" + tenant + "/users";
        List<Long> agentIds = parallel(agents, i -> api.post(users, "{\"extension\":\"" + (FIRST_AGENT + i)
                + "\",\"displayName\":\"Agent " + i + "\",\"webPassword\":\"" + AGENT_PASSWORD + "\"}")
                .get("id").asLong());
        parallel(callers, i -> {
            long id = api.post(users, "{\"extension\":\"" + (FIRST_CALLER + i) + "\",\"displayName\":\"Caller " + i
                    + "\"}").get("id").asLong();
            api.post(users + "/" + id + "/devices", "{\"sipUsername\":\"c" + (FIRST_CALLER + i)
                    + "\",\"password\":\"" + SIP_PASSWORD + "\"}");
            return id;
        });
        String queues = "/tenants/" + tenant + "/queues";
        long chat = api.post(queues, "{\"number\":\"" + CHAT_QUEUE + "\",\"name\":\"chat\",\"strategy\":\"LONGEST_IDLE\"}")
                .get("id").asLong();
        api.post(queues, "{\"number\":\"" + VOICE_QUEUE + "\",\"name\":\"hold\",\"strategy\":\"RING_ALL\","
                + "\"announceSeconds\":" + announceSeconds + "}");
        StringBuilder members = new StringBuilder("[");
        for (long id : agentIds) {
            members.append(members.length() > 1 ? "," : "").append("{\"userId\":").append(id).append(",\"skills\":{}}");
        }
        HttpResponse<String> r = api.exchange("PUT", queues + "/" + chat + "/members", members.append(']').toString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("members of the chat queue: " + r.statusCode() + " " + r.body());
        }
        return tenant;
    }

    private interface Task {
        long run(int index) throws Exception;
    }

    private static List<Long> parallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                done.add(pool.submit(() -> task.run(index)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : done) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }
}
