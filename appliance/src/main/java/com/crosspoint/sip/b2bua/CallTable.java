package com.crosspoint.sip.b2bua;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live calls by id, so the API can reach one to hang it up. */
final class CallTable {
    private final Map<String, B2buaCall> calls = new ConcurrentHashMap<>();

    void add(B2buaCall call) {
        calls.put(call.id(), call);
    }

    void remove(B2buaCall call) {
        calls.remove(call.id(), call);
    }

    Optional<B2buaCall> find(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    int size() {
        return calls.size();
    }
}
