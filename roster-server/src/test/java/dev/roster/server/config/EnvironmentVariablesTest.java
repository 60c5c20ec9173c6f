package dev.roster.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The documented environment variables (README, DESIGN.md) override the defaults of application.yml. */
class EnvironmentVariablesTest {

    @Test
    void documentedVariablesBindToRosterProperties() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> defaults : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(defaults);
        }
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "ROSTER_PUBLIC_URL", "https://roster.example.com",
                "ROSTER_DATA_DIR", "/var/lib/roster",
                "ROSTER_ADMIN_API_KEY", "operator-secret",
                "ROSTER_USER_ATTRIBUTE_SCHEMA", "urn:omni:params:1.0:UserAttribute",
                "ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                "ROSTER_SCIM_MAX_PAGE_SIZE", "250",
                "ROSTER_SCIM_DEFAULT_PAGE_SIZE", "50",
                "ROSTER_SCIM_MAX_PAYLOAD_BYTES", "2048",
                "ROSTER_SCIM_CURSOR_TIMEOUT", "10m")));
        ConfigurationPropertySources.attach(environment);

        RosterProperties properties = Binder.get(environment).bind("roster", RosterProperties.class).get();

        assertThat(properties.publicUrl()).isEqualTo("https://roster.example.com");
        assertThat(properties.dataDir()).hasToString("/var/lib/roster");
        assertThat(properties.adminApiKey()).isEqualTo("operator-secret");
        assertThat(properties.userAttributeSchema()).isEqualTo("urn:omni:params:1.0:UserAttribute");
        assertThat(properties.webhooks().allowPrivateNetworks()).isTrue();
        assertThat(properties.scim().maxPageSize()).isEqualTo(250);
        assertThat(properties.scim().defaultPageSize()).isEqualTo(50);
        assertThat(properties.scim().maxPayloadBytes()).isEqualTo(2048);
        assertThat(properties.scim().cursorTimeout()).hasMinutes(10);
    }
}
