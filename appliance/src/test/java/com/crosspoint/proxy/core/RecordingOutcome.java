package com.crosspoint.proxy.core;

import java.util.List;

/** A branch's outcome written down as {@code name:event} ("a:provisional 180", "a:failed 503", ...), in order. */
final class RecordingOutcome implements BranchOutcome {
    private final String name;
    private final List<String> events;

    RecordingOutcome(String name, List<String> events) {
        this.name = name;
        this.events = events;
    }

    @Override
    public void provisional(int status) {
        events.add(name + ":provisional " + status);
    }

    @Override
    public void answered() {
        events.add(name + ":answered");
    }

    @Override
    public void failed(int status) {
        events.add(name + ":failed " + status);
    }

    @Override
    public void dialogEnded() {
        events.add(name + ":ended");
    }
}
