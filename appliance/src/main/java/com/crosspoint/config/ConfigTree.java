package com.crosspoint.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration document while layers are applied on top of the defaults. The defaults
 * define which keys exist: a layer may only replace values, never add keys or change their shape.
 * Remembers which environment variable set a key so errors can name it.
 */
final class ConfigTree {

    private final ObjectNode root;
    private final Map<String, String> labels = new HashMap<>();

    ConfigTree(ObjectNode defaults) {
        this.root = defaults.deepCopy();
    }

    /** Deep-merges {@code layer}; lists are replaced as a whole. */
    void merge(ObjectNode layer, String source) {
        mergeInto(root, layer, "", source);
    }

    /** Sets one value given as text, e.g. from an environment variable; {@code label} names its origin in errors. */
    void set(String key, String value, String label) {
        String[] parts = key.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new ConfigException(label + ": unknown key");
            }
            parent = (ObjectNode) child;
        }
        JsonNode current = parent.get(parts[parts.length - 1]);
        if (current != null && current.isArray()) {
            // A list from one string (an override or a variable): comma-separated items, "" for none.
            com.fasterxml.jackson.databind.node.ArrayNode items = parent.arrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            parent.set(parts[parts.length - 1], items);
            labels.put(key, label);
            return;
        }
        if (current == null || current.isContainerNode()) {
            throw new ConfigException(label + ": unknown key");
        }
        parent.set(parts[parts.length - 1], TextNode.valueOf(value));
        labels.put(key, label);
    }

    ObjectNode root() {
        return root;
    }

    /** How errors refer to {@code key}: the key, or "VARIABLE (key)" when the environment set it. */
    String label(String key) {
        return labels.getOrDefault(key, key);
    }

    static String kindOf(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isArray() ? "a list" : "a single value";
    }

    private static void mergeInto(ObjectNode base, ObjectNode layer, String prefix, String source) {
        for (Map.Entry<String, JsonNode> field : layer.properties()) {
            String key = prefix + field.getKey();
            JsonNode current = base.get(field.getKey());
            JsonNode value = field.getValue();
            if (current == null) {
                throw new ConfigException(key + ": unknown key (in " + source + ")");
            }
            if (current.isObject()) {
                if (value.isNull()) {
                    continue;  // "sip:" with nothing below it changes nothing
                }
                if (!value.isObject()) {
                    throw new ConfigException(key + ": must be a mapping, not " + kindOf(value) + " (in " + source + ")");
                }
                mergeInto((ObjectNode) current, (ObjectNode) value, key + ".", source);
            } else if (current.isArray() && !value.isArray()) {
                throw new ConfigException(key + ": must be a list, not " + kindOf(value) + " (in " + source + ")");
            } else if (!current.isArray() && value.isContainerNode()) {
                throw new ConfigException(key + ": must be a single value, not " + kindOf(value) + " (in " + source + ")");
            } else {
                base.set(field.getKey(), value.deepCopy());
            }
        }
    }
}
