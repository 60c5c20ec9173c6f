package dev.roster.bench;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies shaped like the ones Okta's SCIM 2.0 provisioning sends: user {@code n} is always
 * {@code user<n>@bench.example}, and every third user carries the enterprise extension.
 */
final class OktaUsers {

    static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final List<String> GIVEN_NAMES = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald",
            "Frances", "Ken", "Radia", "Leslie", "Margaret", "Tim", "Shafi", "Niklaus", "Hedy", "Dennis");
    private static final List<String> FAMILY_NAMES = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov",
            "Knuth", "Allen", "Thompson", "Perlman", "Lamport", "Hamilton", "Berners-Lee", "Goldwasser", "Wirth",
            "Lamarr", "Ritchie", "Kernighan");
    private static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Finance", "Support", "Legal");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final JsonMapper mapper;

    OktaUsers(JsonMapper mapper) {
        this.mapper = mapper;
    }

    static String userName(int index) {
        return "user" + index + "@bench.example";
    }

    /** The body of Okta's "create user" POST. */
    ObjectNode create(int index) {
        return user(index, FAMILY_NAMES.get(index % FAMILY_NAMES.size()));
    }

    /** The body of Okta's full-replace PUT after a profile change: the whole user, with its id. */
    ObjectNode replace(int index, String id, int revision) {
        ObjectNode user = user(index, FAMILY_NAMES.get(index % FAMILY_NAMES.size()) + "-" + revision);
        user.put("id", id);
        return user;
    }

    private ObjectNode user(int index, String familyName) {
        String givenName = GIVEN_NAMES.get(index % GIVEN_NAMES.size());
        ObjectNode user = mapper.createObjectNode();
        ArrayNode schemas = user.putArray("schemas").add(CORE_SCHEMA);
        user.put("userName", userName(index));
        user.putObject("name").put("givenName", givenName).put("familyName", familyName);
        user.putArray("emails").addObject().put("primary", true).put("value", userName(index)).put("type", "work");
        user.put("displayName", givenName + " " + familyName);
        user.put("locale", "en-US");
        user.put("externalId", oktaUserId(index));
        user.put("active", true);
        if (index % 3 == 0) {
            schemas.add(ENTERPRISE_SCHEMA);
            user.putObject(ENTERPRISE_SCHEMA)
                    .put("employeeNumber", String.valueOf(100_000 + index))
                    .put("department", DEPARTMENTS.get(index % DEPARTMENTS.size()))
                    .put("organization", "Bench Example Inc.");
        }
        return user;
    }

    /** Okta deactivates (and reactivates) a user with a replace operation without a path. */
    JsonNode setActive(boolean active) {
        ObjectNode value = mapper.createObjectNode().put("active", active);
        return patch(mapper.createObjectNode().put("op", "replace").set("value", value));
    }

    JsonNode replaceGivenName(String givenName) {
        return patch(mapper.createObjectNode().put("op", "replace").put("path", "name.givenName")
                .put("value", givenName));
    }

    private JsonNode patch(ObjectNode operation) {
        ObjectNode request = mapper.createObjectNode();
        request.putArray("schemas").add(PATCH_SCHEMA);
        request.putArray("Operations").add(operation);
        return request;
    }

    /**
     * Okta user ids are "00u" and 17 base-62 characters; a fixed marker and the index scrambled by an odd
     * multiplier (a bijection on 64 bits) keep them unique and random-looking.
     */
    private static String oktaUserId(int index) {
        StringBuilder digits = new StringBuilder();
        long value = index * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 12; i++) {
            digits.append(BASE62.charAt((int) Long.remainderUnsigned(value, 62)));
            value = Long.divideUnsigned(value, 62);
        }
        return "00ubench" + digits;
    }
}
