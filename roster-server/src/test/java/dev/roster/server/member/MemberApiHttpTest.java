package dev.roster.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import org.junit.jupiter.api.BeforeEach;

/** Base of the member tests: each test gets an organization of its own with one Okta directory. */
abstract class MemberApiHttpTest extends RosterHttpTest {

    protected ScimDirectory directory;
    protected JsonClient scim;
    protected MemberFixtures members;

    @BeforeEach
    void connectDirectory() {
        directory = newDirectory("okta");
        scim = scim(directory);
        members = new MemberFixtures(operator(), directory);
    }

    /** Creates an Okta-shaped user through {@code client} and returns its SCIM id. */
    protected static String createUser(JsonClient client, String login, String givenName, String familyName) {
        HttpResponse created = client.post("/Users", MemberFixtures.oktaUser(login, givenName, familyName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
