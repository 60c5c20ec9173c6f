package dev.roster.server.user;

import dev.roster.server.scim.ETags;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns stored users into SCIM User resources: the stored document plus {@code id} and {@code meta}. */
final class UserResources {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final String SCHEMAS_START = "{\"schemas\":[";
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private UserResources() {
    }

    static ObjectNode render(StoredUser user, String scimBaseUrl) {
        return render(user, (ObjectNode) JSON.readTree(user.document()), scimBaseUrl);
    }

    /** Renders a user whose stored document is already parsed, as after a write. */
    static ObjectNode render(StoredUser user, ObjectNode document, String scimBaseUrl) {
        ObjectNode resource = JSON.createObjectNode();
        resource.set("schemas", document.get("schemas"));
        resource.put("id", user.id());
        for (Map.Entry<String, JsonNode> property : document.properties()) {
            if (!property.getKey().equals("schemas")) {
                resource.set(property.getKey(), property.getValue());
            }
        }
        resource.putObject("meta")
                .put("resourceType", "User")
                .put("created", format(user.created()))
                .put("lastModified", format(user.lastModified()))
                .put("location", location(scimBaseUrl, user.id()))
                .put("version", ETags.of(user.version()));
        return resource;
    }

    /**
     * The JSON text of {@link #render}'s tree, spliced from the stored text: {@code schemas}, {@code id}, the
     * stored attributes, {@code meta}. The stored text is always a compact object written by {@link #serialize}
     * from a normalized document, which starts with its {@code schemas} array of URNs.
     */
    static String json(StoredUser user, String scimBaseUrl) {
        String document = user.document();
        int schemasEnd = document.startsWith(SCHEMAS_START) ? document.indexOf(']') + 1 : 1;
        String rest = document.substring(schemasEnd, document.length() - 1);
        StringBuilder json = new StringBuilder(document.length() + 256).append(document, 0, schemasEnd);
        if (schemasEnd > 1) {
            json.append(',');
        }
        json.append("\"id\":");
        quote(json, user.id());
        if (!rest.isEmpty()) {
            json.append(rest.charAt(0) == ',' ? "" : ",").append(rest);
        }
        json.append(",\"meta\":{\"resourceType\":\"User\",\"created\":\"").append(format(user.created()))
                .append("\",\"lastModified\":\"").append(format(user.lastModified())).append("\",\"location\":");
        quote(json, location(scimBaseUrl, user.id()));
        json.append(",\"version\":");
        quote(json, ETags.of(user.version()));
        return json.append("}}").toString();
    }

    private static void quote(StringBuilder json, String value) {
        json.append('"');
        STRINGS.quoteAsString(value, json);
        json.append('"');
    }

    static String location(String scimBaseUrl, String id) {
        return scimBaseUrl + "/Users/" + id;
    }

    static String serialize(ObjectNode document) {
        return JSON.writeValueAsString(document);
    }

    private static String format(OffsetDateTime time) {
        return TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
