package com.crosspoint.config;

/**
 * The configuration is unusable. The message names the offending key (and the environment
 * variable or file it came from), so it can be shown to the operator as is.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
