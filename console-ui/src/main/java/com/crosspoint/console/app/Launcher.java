package com.crosspoint.console.app;

import javafx.application.Application;

/**
 * Main class for a plain classpath: a main class that extends {@link Application} itself fails
 * there with "JavaFX runtime components are missing".
 */
public final class Launcher {
    static final String USAGE =
            "usage: crosspoint-console [--url=URL] [--user=NAME] [--snapshot=FILE.png [--exit-after-snapshot]]";

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            ConsoleOptions.parse(java.util.List.of(args), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("crosspoint-console: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        Application.launch(ConsoleApp.class, args);
    }
}
