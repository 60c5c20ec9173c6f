package dev.roster.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ScimUsersHttpTest extends RosterHttpTest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimDirectory directory;
    private JsonClient scim;

    @BeforeEach
    void connectDirectory() {
        directory = newDirectory("okta");
        scim = scim(directory);
    }

    @Test
    void createThenCreatedWithLocationMetaAndETag() {
        HttpResponse created = scim.post("/Users", user("Barbara.Jensen@Example.com", "ext-1"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(SCIM_JSON);
        JsonNode body = created.body();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(directory.scimBaseUrl() + "/Users/" + id);
        JsonNode meta = body.get("meta");
        assertThat(meta.get("resourceType").asString()).isEqualTo("User");
        assertThat(meta.get("location").asString()).isEqualTo(created.header("Location"));
        assertThat(meta.get("created").asString()).isEqualTo(meta.get("lastModified").asString());
        assertThat(meta.get("version").asString()).startsWith("W/\"");
        assertThat(created.header("ETag")).isEqualTo(meta.get("version").asString());
        assertThat(body.get("userName").asString()).isEqualTo("Barbara.Jensen@Example.com");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("emails").get(0).get("value").asString()).isEqualTo("Barbara.Jensen@Example.com");
        assertThat(body.get(ENTERPRISE).get("department").asString()).isEqualTo("Tour Operations");
        assertThat(body.has("password")).isFalse();
        assertThat(scim.get("/Users/" + id).body()).isEqualTo(body);
    }

    @Test
    void createWhenUserNameTakenCaseInsensitivelyThenConflictUniquenessAndNothingWritten() {
        scim.post("/Users", user("bjensen@example.com", null));
        ObjectNode duplicateUser = user("BJensen@EXAMPLE.com", null);
        duplicateUser.withArray("emails").addObject().put("value", "babs@example.org").put("type", "home");

        HttpResponse duplicate = scim.post("/Users", duplicateUser);

        assertScimError(duplicate, 409, "uniqueness");
        assertThat(list("userName eq \"bjensen@example.com\"").get("totalResults").asInt()).isEqualTo(1);
        assertThat(list("emails.value eq \"babs@example.org\"").get("totalResults").asInt())
                .as("the rejected user's email rows").isZero();
        assertThat(scim.get("/Users?count=0").body().get("totalResults").asInt())
                .as("the directory's kept user count").isEqualTo(1);
    }

    @Test
    void sameUserNameInAnotherDirectoryThenBothCreated() {
        scim.post("/Users", user("shared@example.com", null));

        assertThat(scim(newDirectory("entra")).post("/Users", user("shared@example.com", null)).status())
                .isEqualTo(201);
    }

    @Test
    void concurrentCreatesOfOneUserNameThenExactlyOneCreated() throws Exception {
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                creates.add(() -> scim.post("/Users", user("race@example.com", null)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(list("userName eq \"race@example.com\"").get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void putThenFullReplaceAndReadOnlyValuesIgnored() {
        JsonNode created = scim.post("/Users", user("replace@example.com", "ext-r")).body();
        String id = created.get("id").asString();
        ObjectNode replacement = JsonClient.JSON.createObjectNode();
        replacement.putArray("schemas").add(USER);
        replacement.put("id", "forged-id");
        replacement.put("userName", "replace@example.com");
        replacement.put("displayName", "Replaced");
        replacement.putObject("meta").put("created", "1999-01-01T00:00:00Z");

        HttpResponse replaced = scim.put("/Users/" + id, replacement);

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode body = replaced.body();
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("displayName").asString()).isEqualTo("Replaced");
        assertThat(body.has("emails")).isFalse();
        assertThat(body.has("externalId")).isFalse();
        assertThat(body.get("meta").get("created")).isEqualTo(created.get("meta").get("created"));
        assertThat(body.get("meta").get("version")).isNotEqualTo(created.get("meta").get("version"));
        assertThat(scim.get("/Users/" + id).body()).isEqualTo(body);
    }

    @Test
    void deleteThenNoContentAndThenNotFound() {
        String id = scim.post("/Users", user("gone@example.com", null)).body().get("id").asString();

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);

        assertScimError(scim.get("/Users/" + id), 404, null);
        assertScimError(scim.delete("/Users/" + id), 404, null);
        assertThat(scim.post("/Users", user("gone@example.com", null)).status()).isEqualTo(201);
    }

    @Test
    void lookupsThatOktaAndEntraSendBeforeCreatingFindTheUser() {
        String id = scim.post("/Users", user("lookup@example.com", "00u1abcd")).body().get("id").asString();
        scim.post("/Users", user("other@example.com", "00u2efgh"));

        for (String filter : List.of("userName eq \"lookup@example.com\"", "userName eq \"LOOKUP@example.COM\"",
                "externalId eq \"00u1abcd\"", "emails[type eq \"work\"].value eq \"lookup@example.com\"",
                "emails[type eq \"work\" and value eq \"lookup@example.com\"]", "id eq \"" + id + "\"")) {
            JsonNode page = list(filter);
            assertThat(page.get("totalResults").asInt()).as(filter).isEqualTo(1);
            assertThat(page.get("Resources").get(0).get("id").asString()).as(filter).isEqualTo(id);
        }
        assertThat(list("userName eq \"nobody@example.com\"").get("totalResults").asInt()).isZero();
        assertThat(list("externalId eq \"00U1ABCD\"").get("totalResults").asInt())
                .as("externalId is case-exact").isZero();
    }

    @Test
    void lookupWhenMoreMatchesThanCountThenTotalCountsThemAll() {
        String first = scim.post("/Users", user("first@example.com", "00u-shared")).body().get("id").asString();
        scim.post("/Users", user("second@example.com", "00u-shared"));

        HttpResponse page = scim.get("/Users?count=1&filter=" + encode("externalId eq \"00u-shared\""));

        assertThat(page.body().get("totalResults").asInt()).isEqualTo(2);
        assertThat(page.body().get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(page.body().get("Resources").get(0).get("id").asString()).isEqualTo(first);
        HttpResponse second = scim.get("/Users?startIndex=2&count=1&filter=" + encode("externalId eq \"00u-shared\""));
        assertThat(second.body().get("Resources").get(0).get("userName").asString()).isEqualTo("second@example.com");
    }

    @Test
    void listedUserWhenNoProjectionThenSameAsReadById() {
        String id = scim.post("/Users", user("same@example.com", "00u-same")).body().get("id").asString();

        JsonNode listed = list("userName eq \"same@example.com\"").get("Resources").get(0);

        assertThat(listed).isEqualTo(scim.get("/Users/" + id).body());
        assertThat(listed.has("password")).isFalse();
        assertThat(listed.get("meta").get("location").asString()).isEqualTo(directory.scimBaseUrl() + "/Users/" + id);
    }

    @Test
    void emailLookupFollowsWorkEmailChangesAndDeletion() {
        String id = scim.post("/Users", user("mover@example.com", null)).body().get("id").asString();
        String byOldEmail = "emails[type eq \"work\"].value eq \"MOVER@example.com\"";
        assertThat(list(byOldEmail).get("totalResults").asInt()).isEqualTo(1);

        HttpResponse patched = scim.patch("/Users/" + id, Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "Replace", "path", "emails[type eq \"work\"].value",
                        "value", "moved@example.org"))));
        assertThat(patched.status()).isEqualTo(200);

        assertThat(list(byOldEmail).get("totalResults").asInt()).isZero();
        JsonNode byNewEmail = list("emails[type eq \"work\"].value eq \"moved@example.org\"");
        assertThat(byNewEmail.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertThat(list("emails[type eq \"home\"].value eq \"moved@example.org\"").get("totalResults").asInt())
                .isZero();
        assertThat(scim(newDirectory("okta")).get("/Users?filter=" + encode("emails.value eq \"moved@example.org\""))
                .body().get("totalResults").asInt()).as("another directory's user is not found").isZero();

        scim.delete("/Users/" + id);
        assertThat(list("emails.value eq \"moved@example.org\"").get("totalResults").asInt()).isZero();
    }

    @Test
    void filterGrammarAcrossColumnsAndDocument() {
        scim.post("/Users", user("ann@acme.example", "a1"));
        scim.post("/Users", user("bob@acme.example", "b2"));
        ObjectNode inactive = user("carl@other.example", "c3");
        inactive.put("active", false);
        inactive.put("title", "Manager");
        scim.post("/Users", inactive);

        assertThat(matches("userName sw \"ann\"")).containsExactly("ann@acme.example");
        assertThat(matches("userName ew \"acme.example\"")).containsExactly("ann@acme.example", "bob@acme.example");
        assertThat(matches("userName co \"OTHER\"")).containsExactly("carl@other.example");
        assertThat(matches("active eq false")).containsExactly("carl@other.example");
        assertThat(matches("not (active eq false)")).containsExactly("ann@acme.example", "bob@acme.example");
        assertThat(matches("title pr")).containsExactly("carl@other.example");
        assertThat(matches("title eq \"manager\"")).containsExactly("carl@other.example");
        assertThat(matches("userName sw \"a\" or title pr")).containsExactly("ann@acme.example", "carl@other.example");
        assertThat(matches("(userName sw \"a\" or userName sw \"b\") and externalId ne \"b2\""))
                .containsExactly("ann@acme.example");
        assertThat(matches("emails[type eq \"work\" and value co \"@acme\"]"))
                .containsExactly("ann@acme.example", "bob@acme.example");
        assertThat(matches(ENTERPRISE + ":department eq \"Tour Operations\""))
                .containsExactly("ann@acme.example", "bob@acme.example", "carl@other.example");
        assertThat(matches("meta.created gt \"2000-01-01T00:00:00Z\"")).hasSize(3);
        assertThat(matches("USERNAME Eq \"bob@acme.example\"")).containsExactly("bob@acme.example");
    }

    @Test
    void filterWhenInvalidOrUnanswerableThenInvalidFilterNeverEmptyList() {
        for (String filter : List.of("userName eq", "userName zz \"x\"", "(userName eq \"x\"", "userName eq \"x",
                "favoriteColor eq \"blue\"", "name.nickname eq \"x\"", "active gt true", "emails[type eq \"work\"")) {
            assertScimError(scim.get("/Users?filter=" + encode(filter)), 400, "invalidFilter");
        }
    }

    @Test
    void paginationByIndexPerRfc7644() {
        for (int i = 1; i <= 7; i++) {
            scim.post("/Users", user("page" + i + "@example.com", null));
        }

        JsonNode all = scim.get("/Users").body();
        assertThat(all.get("totalResults").asInt()).isEqualTo(7);
        assertThat(all.get("startIndex").asInt()).isEqualTo(1);
        assertThat(all.get("Resources")).hasSize(7);

        JsonNode second = scim.get("/Users?startIndex=3&count=2").body();
        assertThat(second.get("startIndex").asInt()).isEqualTo(3);
        assertThat(second.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(userNames(second)).containsExactly("page3@example.com", "page4@example.com");

        JsonNode countZero = scim.get("/Users?count=0").body();
        assertThat(countZero.get("totalResults").asInt()).isEqualTo(7);
        assertThat(countZero.get("Resources")).isEmpty();

        JsonNode pastEnd = scim.get("/Users?startIndex=50&count=10").body();
        assertThat(pastEnd.get("totalResults").asInt()).isEqualTo(7);
        assertThat(pastEnd.get("Resources")).isEmpty();

        assertThat(userNames(scim.get("/Users?startIndex=0&count=1").body())).containsExactly("page1@example.com");
        assertThat(scim.get("/Users?count=-5").body().get("Resources")).isEmpty();
        assertScimError(scim.get("/Users?count=ten"), 400, "invalidValue");

        List<String> walked = new ArrayList<>();
        for (int start = 1; start <= 7; start += 3) {
            walked.addAll(userNames(scim.get("/Users?startIndex=" + start + "&count=3").body()));
        }
        assertThat(walked).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void paginationByIndexAfterDeletionsStaysCorrect() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(scim.post("/Users", user("shift" + i + "@example.com", null)).body().get("id").asString());
        }
        assertThat(userNames(scim.get("/Users?startIndex=1&count=2").body()))
                .containsExactly("shift1@example.com", "shift2@example.com");
        scim.delete("/Users/" + ids.get(0));

        JsonNode afterDelete = scim.get("/Users?startIndex=3&count=2").body();
        assertThat(userNames(afterDelete)).containsExactly("shift4@example.com", "shift5@example.com");
        assertThat(afterDelete.get("totalResults").asInt()).isEqualTo(5);
        assertThat(scim.get("/Users?count=0").body().get("totalResults").asInt()).isEqualTo(5);
        assertThat(scim.get("/Users?cursor=&count=1").body().get("totalResults").asInt()).isEqualTo(5);
    }

    @Test
    void countAboveMaximumThenCappedAtAdvertisedMaxResults() {
        int maxResults = scim.get("/ServiceProviderConfig").body().get("filter").get("maxResults").asInt();
        scim.post("/Users", user("cap@example.com", null));

        JsonNode page = scim.get("/Users?count=" + (maxResults + 100)).body();

        assertThat(page.get("itemsPerPage").asInt()).isLessThanOrEqualTo(maxResults);
        assertThat(maxResults).isEqualTo(500);
    }

    @Test
    void cursorPaginationPerRfc9865() {
        for (int i = 1; i <= 5; i++) {
            scim.post("/Users", user("cursor" + i + "@example.com", null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            JsonNode page = scim.get("/Users?count=2&cursor=" + cursor).body();
            assertThat(page.get("totalResults").asInt()).isEqualTo(5);
            seen.addAll(userNames(page));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("cursor1@example.com", "cursor2@example.com", "cursor3@example.com",
                "cursor4@example.com", "cursor5@example.com");
        assertScimError(scim.get("/Users?cursor=garbage!"), 400, "invalidCursor");
        assertScimError(scim.get("/Users?cursor=&startIndex=1"), 400, "invalidValue");
    }

    @Test
    void sortByAndSortOrder() {
        scim.post("/Users", user("b@example.com", null));
        scim.post("/Users", user("C@example.com", null));
        scim.post("/Users", user("a@example.com", null));

        assertThat(userNames(scim.get("/Users?sortBy=userName").body()))
                .containsExactly("a@example.com", "b@example.com", "C@example.com");
        assertThat(userNames(scim.get("/Users?sortBy=userName&sortOrder=descending&startIndex=2&count=1").body()))
                .containsExactly("b@example.com");
        assertScimError(scim.get("/Users?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
    }

    @Test
    void attributesAndExcludedAttributesHonourReturned() {
        String id = scim.post("/Users", user("proj@example.com", "p1")).body().get("id").asString();

        JsonNode only = scim.get("/Users/" + id + "?attributes=userName").body();
        assertThat(fieldNames(only)).containsExactlyInAnyOrder("schemas", "id", "userName");

        JsonNode excluded = scim.get("/Users/" + id + "?excludedAttributes=emails,name").body();
        assertThat(excluded.has("emails")).isFalse();
        assertThat(excluded.has("name")).isFalse();
        assertThat(excluded.has("userName")).isTrue();
        assertThat(excluded.has("id")).isTrue();

        JsonNode listed = scim.get("/Users?attributes=name.givenName").body().get("Resources").get(0);
        assertThat(fieldNames(listed)).containsExactlyInAnyOrder("schemas", "id", "name");
        assertThat(fieldNames(listed.get("name"))).containsExactly("givenName");
    }

    @Test
    void etagsGivePreconditionFailedAndNotModified() {
        HttpResponse created = scim.post("/Users", user("etag@example.com", null));
        String id = created.body().get("id").asString();
        String etag = created.header("ETag");

        HttpResponse notModified = scim.withHeader("If-None-Match", etag).get("/Users/" + id);
        assertThat(notModified.status()).isEqualTo(304);

        HttpResponse patched = scim.withHeader("If-Match", etag).patch("/Users/" + id, deactivate());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(etag);

        assertScimError(scim.withHeader("If-Match", etag).patch("/Users/" + id, deactivate()), 412, null);
        assertScimError(scim.withHeader("If-Match", etag).put("/Users/" + id, user("etag@example.com", null)), 412,
                null);
        assertScimError(scim.withHeader("If-Match", etag).delete("/Users/" + id), 412, null);
        assertThat(scim.withHeader("If-None-Match", etag).get("/Users/" + id).status()).isEqualTo(200);
        assertThat(scim.withHeader("If-Match", patched.header("ETag")).delete("/Users/" + id).status())
                .isEqualTo(204);
    }

    @Test
    void badInputThenClientErrorAndNothingWritten() {
        String id = scim.post("/Users", user("safe@example.com", null)).body().get("id").asString();
        String version = scim.get("/Users/" + id).header("ETag");

        assertScimError(scim.post("/Users", "{\"userName\": "), 400, "invalidSyntax");
        assertScimError(scim.post("/Users", "[1,2]"), 400, null);
        assertScimError(scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"a@b.c\"} trailing"), 400,
                "invalidSyntax");
        assertScimError(scim.post("/Users", Map.of("schemas", List.of(USER), "userName", 42)), 400, "invalidValue");
        assertScimError(scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "x@y.z", "active", "maybe")),
                400, "invalidValue");
        assertScimError(scim.post("/Users", Map.of("schemas", List.of("urn:example:unknown"), "userName", "x@y.z")),
                400, null);
        assertScimError(scim.post("/Users", Map.of("schemas", List.of(USER))), 400, "invalidValue");
        assertScimError(scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + "x".repeat(70_000)
                + "\"}"), 413, null);
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
                List.of(Map.of("op", "frobnicate", "path", "active", "value", false)))), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
                List.of(Map.of("op", "replace", "path", "displayName", "value", "ok"),
                        Map.of("op", "replace", "path", "active", "value", "not-a-boolean")))), 400, "invalidValue");
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
                List.of(Map.of("op", "replace", "path", "id", "value", "forged")))), 400, "mutability");
        assertScimError(scim.put("/Users/" + id, "not json"), 400, "invalidSyntax");
        assertScimError(scim.put("/Users/does-not-exist", user("x@example.com", null)), 404, null);

        assertThat(scim.get("/Users/" + id).header("ETag")).isEqualTo(version);
        assertThat(scim.get("/Users").body().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void unknownScimPathThenScimNotFound() {
        assertScimError(scim.get("/Widgets"), 404, null);
    }

    private JsonNode list(String filter) {
        HttpResponse response = scim.get("/Users?filter=" + encode(filter));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private List<String> matches(String filter) {
        return userNames(list(filter)).stream().sorted().toList();
    }

    private static List<String> userNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("Resources").forEach(r -> names.add(r.get("userName").asString()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static ObjectNode user(String userName, String externalId) {
        ObjectNode user = JsonClient.JSON.createObjectNode();
        user.putArray("schemas").add(USER).add(ENTERPRISE);
        user.put("userName", userName);
        if (externalId != null) {
            user.put("externalId", externalId);
        }
        user.putObject("name").put("givenName", "Barbara").put("familyName", "Jensen");
        user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        user.put("password", "t1meMa$heen");
        user.putObject(ENTERPRISE).put("department", "Tour Operations").put("employeeNumber", "701984");
        return user;
    }

    private static Map<String, Object> deactivate() {
        return Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "value", Map.of("active", false))));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void assertScimError(HttpResponse response, int status, String scimType) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(SCIM_JSON);
        assertThat(response.body().get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(response.body().get("status").asString()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(response.body().path("scimType").asString()).as(response.toString()).isEqualTo(scimType);
        }
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }
}
