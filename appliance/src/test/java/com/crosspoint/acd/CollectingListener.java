package com.crosspoint.acd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the contact center records and reports about callbacks, for tests to look at. */
public final class CollectingListener implements AcdListener {
    public final List<QueueCallRecord> records = new CopyOnWriteArrayList<>();
    public final List<CallbackReport> callbacks = new CopyOnWriteArrayList<>();

    @Override
    public void callRecorded(QueueCallRecord record) {
        records.add(record);
    }

    @Override
    public void callbackChanged(CallbackReport report) {
        callbacks.add(report);
    }
}
