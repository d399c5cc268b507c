package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the short root commands that build and drive the NAT lab ({@code ip}, {@code nft}, {@code sysctl},
 * {@code conntrack}), each bounded in time, with its output in the error when it fails.
 */
public final class LabShell {
    private static final long TIMEOUT_SECONDS = 20;

    /** A finished command: exit code and output (stdout and stderr together). */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private LabShell() {
    }

    /** Runs {@code command}; throws with its output unless it exits 0. */
    public static String run(String... command) {
        Result r = attempt(command);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exitCode() + "): "
                    + r.output().strip());
        }
        return r.output();
    }

    /** Runs {@code command} with {@code stdin} as its input; throws unless it exits 0. */
    public static String runWithInput(String stdin, String... command) {
        Result r = execute(stdin, command);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exitCode() + "): "
                    + r.output().strip() + "\ninput:\n" + stdin);
        }
        return r.output();
    }

    /** Runs {@code command} and returns what happened, whatever its exit code. */
    public static Result attempt(String... command) {
        return execute(null, command);
    }

    /** {@code ip netns exec <namespace> <command...>}. */
    public static String[] in(String namespace, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(Arrays.asList(command));
        return full.toArray(String[]::new);
    }

    private static Result execute(String stdin, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process p = builder.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                        + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
