package com.crosspoint.console.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Command line: {@code --url=URL}, {@code --user=NAME} (login defaults), {@code --snapshot=FILE}
 * (PNG of the main window once the first snapshot arrived), {@code --exit-after-snapshot}. Each
 * may also come as a system property {@code crosspoint.console.url|user|snapshot}; the command
 * line wins.
 */
public record ConsoleOptions(String url, String user, Path snapshot, boolean exitAfterSnapshot) {

    public static ConsoleOptions parse(List<String> args, Properties system) {
        Map<String, String> values = new java.util.HashMap<>();
        boolean exit = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--exit-after-snapshot")) {
                exit = true;
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(2, eq) : a.substring(2);
            if (!List.of("url", "user", "snapshot").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --url, --user, --snapshot, --exit-after-snapshot)");
            }
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
            values.put(name, value);
        }
        String url = values.getOrDefault("url", system.getProperty("crosspoint.console.url"));
        String user = values.getOrDefault("user", system.getProperty("crosspoint.console.user"));
        String snap = values.getOrDefault("snapshot", system.getProperty("crosspoint.console.snapshot"));
        return new ConsoleOptions(blankToNull(url), blankToNull(user), snap == null || snap.isBlank() ? null : Path.of(snap), exit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
