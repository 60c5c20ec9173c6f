package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.config.RosterProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The webhook settings of docs/webhooks.md: their defaults, and the environment variables that override them. */
class WebhookSettingsTest {

    @Test
    void defaultsWhenNoVariableSetThenTheDocumentedSchedule() throws IOException {
        RosterProperties properties = bind(Map.of());

        assertThat(properties.webhooks().retrySchedule()).containsExactly(Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                Duration.ofHours(10), Duration.ofHours(10));
        assertThat(properties.webhooks().retrySchedule().stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThan(Duration.ofDays(1));
        assertThat(properties.webhooks().disableAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(properties.webhooks().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.secretKey()).isNull();
    }

    @Test
    void variablesWhenSetThenOverrideTheDefaults() throws IOException {
        RosterProperties properties = bind(Map.of("ROSTER_WEBHOOKS_RETRY_SCHEDULE", "1s, 2m",
                "ROSTER_WEBHOOKS_DISABLE_AFTER", "12h", "ROSTER_WEBHOOKS_TIMEOUT", "3s",
                "ROSTER_WEBHOOKS_POLL_INTERVAL", "250ms", "ROSTER_SECRET_KEY", "a2V5"));

        assertThat(properties.webhooks().retrySchedule()).containsExactly(Duration.ofSeconds(1),
                Duration.ofMinutes(2));
        assertThat(properties.webhooks().disableAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(properties.webhooks().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.webhooks().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.secretKey()).isEqualTo("a2V5");
    }

    private static RosterProperties bind(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind("roster", RosterProperties.class).get();
    }
}
