package com.crosspoint.acr.capacity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every carrier's {@link CarrierLoad}, created on first mention. */
public final class CarrierLoads {
    private final Map<Long, CarrierLoad> loads = new ConcurrentHashMap<>();

    public CarrierLoad of(long carrierId) {
        return loads.computeIfAbsent(carrierId, id -> new CarrierLoad());
    }

    public void remove(long carrierId) {
        loads.remove(carrierId);
    }
}
