package dev.roster.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP tests: a real server on a random port, talked to over HTTP. Every test works in
 * organizations and directories of its own, so tests share one database (H2, or PostgreSQL in CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class RosterHttpTest {

    public static final String OPERATOR_KEY = "test-operator-key";
    public static final String SCIM_JSON = "application/scim+json";

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected JsonClient operator() {
        return new JsonClient(baseUrl(), OPERATOR_KEY, "application/json");
    }

    protected JsonClient anonymous() {
        return new JsonClient(baseUrl(), null, SCIM_JSON);
    }

    /** A directory connected to a fresh organization, as the application sets one up for a customer. */
    protected ScimDirectory newDirectory(String provider) {
        HttpResponse organization = operator().post("/api/v1/organizations",
                Map.of("name", "Org " + UUID.randomUUID()));
        assertThat(organization.status()).isEqualTo(201);
        HttpResponse directory = operator().post(
                "/api/v1/organizations/" + organization.body().get("id").asString() + "/directories",
                Map.of("provider", provider, "name", provider + " directory"));
        assertThat(directory.status()).isEqualTo(201);
        JsonNode body = directory.body();
        return new ScimDirectory(organization.body().get("id").asString(), body.get("id").asString(),
                body.get("scimBaseUrl").asString(), body.get("token").asString());
    }

    protected JsonClient scim(ScimDirectory directory) {
        return new JsonClient(directory.scimBaseUrl(), directory.token(), SCIM_JSON);
    }

    /** A JSON fixture from src/test/resources, e.g. {@code okta/user-create.json}. */
    protected static JsonNode fixture(String path) {
        return JsonClient.json(fixtureText(path));
    }

    protected static String fixtureText(String path) {
        try (InputStream in = RosterHttpTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record ScimDirectory(String organizationId, String id, String scimBaseUrl, String token) {
    }
}
