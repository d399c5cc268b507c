package com.crosspoint.console.viewmodel;

import java.time.Instant;

/** Something the operator should notice now (the view pops up a notification). */
public record Alarm(Severity severity, String title, String text, Instant at) {

    public enum Severity { INFO, WARNING }
}
