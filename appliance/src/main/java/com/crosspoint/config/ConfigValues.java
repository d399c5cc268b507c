package com.crosspoint.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of the merged configuration by dotted key, with errors that name the key.
 * Text is accepted wherever a number or boolean is expected because environment variables are text.
 */
final class ConfigValues {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private final ConfigTree tree;
    private final Set<String> read = new HashSet<>();

    ConfigValues(ConfigTree tree) {
        this.tree = tree;
    }

    /** A scalar as text; an empty value ({@code key:} or {@code ""}) is "". */
    String string(String key) {
        JsonNode node = node(key);
        if (node.isNull()) {
            return "";
        }
        if (node.isContainerNode()) {
            throw error(key, "must be a single value, not " + ConfigTree.kindOf(node));
        }
        return node.asText();
    }

    int integer(String key) {
        JsonNode node = present(key);
        String text = node.asText().trim();
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw error(key, "not a whole number: " + text);
        }
        if (!(node.isIntegralNumber() || node.isTextual()) || !INTEGER.matcher(text).matches()) {
            throw error(key, "not a number: " + quoted(node));
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > 31) {
            throw error(key, "out of range: " + text);
        }
        return value.intValue();
    }

    /** A decimal number such as {@code 0.35} (no exponent, no infinity). */
    double decimal(String key) {
        JsonNode node = present(key);
        String text = node.asText().trim();
        if (!(node.isNumber() || node.isTextual()) || !DECIMAL.matcher(text).matches()) {
            throw error(key, "not a decimal number: " + quoted(node));
        }
        return Double.parseDouble(text);
    }

    boolean bool(String key) {
        JsonNode node = present(key);
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.isTextual() ? node.asText().trim() : "";
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(key, "must be true or false, not " + quoted(node));
    }

    List<String> stringList(String key) {
        JsonNode node = node(key);
        if (!node.isArray()) {
            throw error(key, "must be a list, not " + ConfigTree.kindOf(node));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isContainerNode() || element.isNull()) {
                throw new ConfigException(label(key) + "[" + i + "]: must be a single value");
            }
            values.add(element.asText());
        }
        return values;
    }

    String label(String key) {
        return tree.label(key);
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(label(key) + ": " + problem);
    }

    /**
     * Fails on a key of the document that was never read: the defaults file and the binder
     * must describe the same keys, or a documented key would silently do nothing.
     */
    void requireAllRead() {
        requireRead(tree.root(), "");
    }

    private void requireRead(JsonNode node, String prefix) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                requireRead(field.getValue(), key + ".");
            } else if (!read.contains(key)) {
                throw new ConfigException(key + ": unknown key");
            }
        }
    }

    /** Numbers and booleans have no "empty" meaning, so {@code key:} without a value is a mistake. */
    private JsonNode present(String key) {
        JsonNode node = node(key);
        if (node.isNull()) {
            throw error(key, "has no value");
        }
        return node;
    }

    private JsonNode node(String key) {
        JsonNode node = tree.root();
        for (String part : key.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                throw new ConfigException(key + ": missing from the built-in defaults");
            }
        }
        read.add(key);
        return node;
    }

    private static String quoted(JsonNode node) {
        return "\"" + node.asText() + "\"";
    }
}
