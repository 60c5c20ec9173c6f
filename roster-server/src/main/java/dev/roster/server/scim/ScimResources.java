package dev.roster.server.scim;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Assembles SCIM resources from a stored document: {@code schemas}, {@code id}, the attributes, {@code meta}. */
public final class ScimResources {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private ScimResources() {
    }

    /** A new resource holding {@code schemas}, {@code id} and then the document's other attributes. */
    public static ObjectNode withId(ObjectNode document, String id) {
        ObjectNode resource = JSON.createObjectNode();
        resource.set("schemas", document.get("schemas"));
        resource.put("id", id);
        for (Map.Entry<String, JsonNode> property : document.properties()) {
            if (!property.getKey().equals("schemas")) {
                resource.set(property.getKey(), property.getValue());
            }
        }
        return resource;
    }

    /** Appends {@code meta} (RFC 7643 §3.1) to {@code resource}. */
    public static void putMeta(ObjectNode resource, String resourceType, OffsetDateTime created,
                               OffsetDateTime lastModified, String location, long version) {
        resource.putObject("meta")
                .put("resourceType", resourceType)
                .put("created", timestamp(created))
                .put("lastModified", timestamp(lastModified))
                .put("location", location)
                .put("version", ETags.of(version));
    }

    /** A meta timestamp: UTC, milliseconds, as every SCIM response writes it. */
    public static String timestamp(OffsetDateTime time) {
        return TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
