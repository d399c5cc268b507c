package com.crosspoint.bench;

import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.testing.StunClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens {@code count} TURN allocations (one UDP socket each) and holds them until stdin reaches its end, then deletes
 * them: the benchmark reads the server's memory in between. Prints {@code allocated=N} once they are all up.
 *
 * <p>Usage: {@code AllocationHold HOST PORT USER PASSWORD COUNT}
 */
public final class AllocationHold {
    private AllocationHold() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[4]);
        List<StunClient> clients = new ArrayList<>();
        int allocated = 0;
        java.util.Map<Integer, Integer> failures = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            StunClient c = new StunClient(server).as(args[2], args[3]);
            clients.add(c);
            com.crosspoint.relay.stun.StunMessage answer;
            try {
                answer = c.allocate();
            } catch (AssertionError noAnswer) {
                failures.merge(-1, 1, Integer::sum); // -1: no answer at all
                continue;
            }
            if (answer.stunClass() == StunClass.SUCCESS) {
                allocated++;
            } else {
                failures.merge(StunClient.code(answer), 1, Integer::sum);
            }
        }
        System.out.println("allocated=" + allocated + (failures.isEmpty() ? "" : " failed=" + failures));
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until the benchmark closes our stdin
        }
        for (StunClient c : clients) {
            c.refresh(0);
            c.close();
        }
    }
}
