package com.crosspoint.installer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What systemd would take from the [Service] section of a unit file to start it: user and group,
 * working directory, environment (Environment= lines, then EnvironmentFile= files, which win) and
 * the ExecStart command line. Only the syntax crosspoint.service uses: one command, no specifiers.
 */
record ServiceUnit(String user, String group, String workingDirectory, Map<String, String> environment,
                   List<String> environmentFiles, List<String> execStart) {

    static ServiceUnit parse(String unitFile) {
        String user = null;
        String group = null;
        String workingDirectory = "/";
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> environmentFiles = new ArrayList<>();
        List<String> execStart = null;
        boolean inService = false;
        for (String raw : unitFile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inService = line.equals("[Service]");
                continue;
            }
            int eq = line.indexOf('=');
            if (!inService || line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "User" -> user = value;
                case "Group" -> group = value;
                case "WorkingDirectory" -> workingDirectory = value;
                case "Environment" -> environment.putAll(assignments(value));
                case "EnvironmentFile" -> environmentFiles.add(value);
                case "ExecStart" -> execStart = List.of(value.split("\\s+"));
                default -> { }
            }
        }
        if (user == null || execStart == null) {
            throw new IllegalArgumentException("no User= or ExecStart= in [Service]");
        }
        return new ServiceUnit(user, group == null ? user : group, workingDirectory, environment,
                List.copyOf(environmentFiles), execStart);
    }

    /** {@code A=1 "B=two words"}: assignments separated by spaces, each optionally double-quoted. */
    static Map<String, String> assignments(String value) {
        Map<String, String> vars = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : (value + " ").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (current.length() > 0) {
                    String a = current.toString();
                    vars.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        return vars;
    }

    /** The assignments of an EnvironmentFile's text: KEY=VALUE lines, quotes removed, comments skipped. */
    static Map<String, String> environmentFile(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq < 0) {
                continue;
            }
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            vars.put(line.substring(0, eq), value);
        }
        return vars;
    }
}
