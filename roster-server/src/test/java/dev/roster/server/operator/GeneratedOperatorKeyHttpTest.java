package dev.roster.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.RosterApplication;
import dev.roster.server.support.JsonClient;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The first start without ROSTER_ADMIN_API_KEY: a key is generated, printed once, and kept only as a hash. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedOperatorKeyHttpTest {

    private static final Pattern KEY = Pattern.compile("roster_admin_[A-Za-z0-9_-]{43}");

    @Test
    void firstStartWithoutConfiguredKeyThenKeyPrintedOnceAndAccepted(CapturedOutput output) {
        String database = "jdbc:h2:mem:operator-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String key;
        try (ConfigurableApplicationContext first = start(database)) {
            Matcher printed = KEY.matcher(output.getOut());
            assertThat(printed.find()).as("the generated key is printed").isTrue();
            key = printed.group();
            assertThat(printed.find()).as("printed only once").isFalse();

            assertThat(client(first, key).post("/api/v1/organizations", Map.of("name", "Acme")).status())
                    .isEqualTo(201);
            assertThat(client(first, key + "x").post("/api/v1/organizations", Map.of("name", "Acme")).status())
                    .isEqualTo(401);
        }
        int printedBeforeRestart = KEY.matcher(output.getOut()).results().mapToInt(m -> 1).sum();
        try (ConfigurableApplicationContext restarted = start(database)) {
            assertThat(KEY.matcher(output.getOut()).results().count()).as("no new key on restart")
                    .isEqualTo(printedBeforeRestart);
            assertThat(client(restarted, key).get("/api/v1/organizations").status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(RosterApplication.class)
                .profiles("test")
                .run("--server.port=0", "--roster.admin-api-key=", "--spring.datasource.url=" + database);
    }

    private static JsonClient client(ConfigurableApplicationContext context, String key) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new JsonClient("http://localhost:" + port, key, "application/json");
    }
}
