package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.RosterHttpTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With {@code ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS} off, the production default, webhooks cannot reach inside. */
@TestPropertySource(properties = "roster.webhooks.allow-private-networks=false")
@DirtiesContext
class WebhookUrlRefusalHttpTest extends RosterHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://localhost/hooks", "http://10.1.2.3/hooks",
            "http://192.168.0.10/hooks", "https://169.254.169.254/latest/meta-data", "http://[::1]/hooks",
            "http://[fd00::1]/hooks", "http://roster-test-host.invalid/hooks"})
    void registerWhenUrlIsLoopbackPrivateLinkLocalOrUnresolvableThen400NamingUrl(String url) {
        HttpResponse response = operator().post("/api/v1/webhook-endpoints", Map.of("url", url));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("detail").asString()).startsWith("'url' ");
        assertThat(operator().get("/api/v1/webhook-endpoints?limit=1000").toString()).doesNotContain(url);
    }
}
