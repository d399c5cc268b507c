package com.crosspoint.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a YAML configuration document into a mutable tree. */
final class YamlDocuments {

    // A key written twice would otherwise silently keep the last value.
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlDocuments() {
    }

    static ObjectNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode readResource(String name) {
        try (InputStream in = YamlDocuments.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException("built-in defaults " + name + " missing from the classpath");
            }
            return parse(in, "classpath:" + name);
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in defaults " + name + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": invalid YAML: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return MAPPER.createObjectNode();  // an empty file overrides nothing
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": must be a mapping of keys, not " + ConfigTree.kindOf(root));
        }
        return (ObjectNode) root;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
