package dev.roster.server.user;

import dev.roster.server.scim.ETags;
import dev.roster.server.scim.ScimResources;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Turns stored users into SCIM User resources: the stored document plus {@code id} and {@code meta}. */
final class UserResources {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final String SCHEMAS_START = "{\"schemas\":[";
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private UserResources() {
    }

    static ObjectNode render(StoredUser user, String scimBaseUrl) {
        return render(user, (ObjectNode) JSON.readTree(user.document()), scimBaseUrl);
    }

    /** Renders a user whose stored document is already parsed, as after a write. */
    static ObjectNode render(StoredUser user, ObjectNode document, String scimBaseUrl) {
        ObjectNode resource = ScimResources.withId(document, user.id());
        if (user.groups() != null) {
            resource.set("groups", groups(user.groups(), scimBaseUrl));
        }
        ScimResources.putMeta(resource, "User", user.created(), user.lastModified(),
                location(scimBaseUrl, user.id()), user.version());
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
        if (user.groups() != null) {
            json.append(",\"groups\":").append(JSON.writeValueAsString(groups(user.groups(), scimBaseUrl)));
        }
        json.append(",\"meta\":{\"resourceType\":\"User\",\"created\":\"")
                .append(ScimResources.timestamp(user.created()))
                .append("\",\"lastModified\":\"").append(ScimResources.timestamp(user.lastModified()))
                .append("\",\"location\":");
        quote(json, location(scimBaseUrl, user.id()));
        json.append(",\"version\":");
        quote(json, ETags.of(user.version()));
        return json.append("}}").toString();
    }

    /** The {@code data} of a user event that is not about a change of attributes: the resource. */
    static RawValue eventData(StoredUser user, String scimBaseUrl) {
        return new RawValue(json(user, scimBaseUrl));
    }

    /** The {@code data} of a user event about a write: the resource and the names of the changed attributes. */
    static RawValue eventData(StoredUser user, String scimBaseUrl, List<String> changedAttributes) {
        String resource = json(user, scimBaseUrl);
        return new RawValue(resource.substring(0, resource.length() - 1) + ",\"changedAttributes\":"
                + JSON.writeValueAsString(changedAttributes) + "}");
    }

    /**
     * The read-only {@code groups} attribute (RFC 7643 §4.1.2) from the stored [group id, group document]
     * pairs: every membership is direct, as Roster keeps no nested groups.
     */
    private static ArrayNode groups(String storedGroups, String scimBaseUrl) {
        ArrayNode groups = JSON.createArrayNode();
        for (JsonNode pair : JSON.readTree(storedGroups)) {
            String groupId = pair.get(0).asString();
            ObjectNode group = groups.addObject()
                    .put("value", groupId)
                    .put("$ref", scimBaseUrl + "/Groups/" + groupId);
            JsonNode displayName = JSON.readTree(pair.get(1).asString()).get("displayName");
            if (displayName != null && displayName.isString()) {
                group.put("display", displayName.asString());
            }
            group.put("type", "direct");
        }
        return groups;
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
}
