package dev.roster.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Groups made over SCIM, as an identity provider pushes them, for tests that need one to exist. */
public final class ScimGroups {

    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimGroups() {
    }

    /** POSTs a group with these members to {@code scim} (a directory's SCIM base), expects 201, returns its id. */
    public static String create(JsonClient scim, String displayName, List<String> memberIds) {
        HttpResponse created = scim.post("/Groups", Map.of("schemas", List.of(GROUP_SCHEMA),
                "displayName", displayName,
                "members", memberIds.stream().map(id -> Map.of("value", id)).toList()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
