package com.crosspoint.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the configuration from its layers, lowest first: the built-in defaults (a copy of
 * {@code config/crosspoint.yaml} on the classpath), an optional node file, environment
 * variables ({@link EnvironmentVariable}) and command-line overrides. Every value is
 * validated; a problem is a {@link ConfigException} whose message names the key.
 */
public final class ConfigLoader {

    /** Classpath name of the built-in defaults; the build copies {@code config/crosspoint.yaml} there. */
    public static final String DEFAULTS_RESOURCE = "crosspoint.yaml";

    private final Map<String, String> env;
    private final Supplier<Optional<String>> primaryIpv4;

    /** @param env the process environment ({@link System#getenv()}) or a test's stand-in */
    public ConfigLoader(Map<String, String> env) {
        this(env, PrimaryIpv4::detect);
    }

    /** @param primaryIpv4 the host's primary address, for the automatic advertised address */
    ConfigLoader(Map<String, String> env, Supplier<Optional<String>> primaryIpv4) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.primaryIpv4 = Objects.requireNonNull(primaryIpv4, "primaryIpv4");
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public CrosspointConfig load(Optional<Path> nodeFile) {
        return load(nodeFile, Map.of());
    }

    /**
     * @param nodeFile  the node's own YAML file ({@code --config}); only keys of the defaults are allowed
     * @param overrides command-line settings by dotted key, applied last; {@code --demo} is
     *                  {@code Map.of("demo.enabled", "true")}
     */
    public CrosspointConfig load(Optional<Path> nodeFile, Map<String, String> overrides) {
        ConfigTree tree = new ConfigTree(YamlDocuments.readResource(DEFAULTS_RESOURCE));
        nodeFile.ifPresent(file -> tree.merge(YamlDocuments.readFile(file), file.toString()));
        for (EnvironmentVariable variable : EnvironmentVariable.values()) {
            String value = env.get(variable.variable());
            if (value != null && !value.isEmpty()) {
                tree.set(variable.key(), value, variable.variable() + " (" + variable.key() + ")");
            }
        }
        overrides.forEach((key, value) -> tree.set(key, value, key));
        return new ConfigBinder(new ConfigValues(tree), primaryIpv4).bind();
    }
}
