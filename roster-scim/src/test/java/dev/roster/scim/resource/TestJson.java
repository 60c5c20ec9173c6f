package dev.roster.scim.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads JSON fixtures from {@code src/test/resources/patch} and inline JSON text. */
public final class TestJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestJson() {
    }

    public static JsonNode fixture(String name) {
        try (InputStream in = TestJson.class.getResourceAsStream("/patch/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture patch/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) MAPPER.readTree(text);
    }
}
