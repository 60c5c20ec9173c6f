package dev.roster.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.RosterApplication;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Roster instances on one database, as behind a load balancer: nothing relies on in-process state. */
class TwoInstancesHttpTest extends RosterHttpTest {

    private static ConfigurableApplicationContext secondInstance;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(RosterApplication.class)
                .profiles("test")
                .run("--server.port=0");
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void concurrentCreatesOfOneUserNameAcrossInstancesThenExactlyOneCreated() throws Exception {
        ScimDirectory directory = newDirectory("okta");
        JsonClient first = scim(directory);
        JsonClient second = new JsonClient(directory.scimBaseUrl().replace(":" + port + "/", ":" + secondPort() + "/"),
                directory.token(), SCIM_JSON);
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                String userName = "twin" + round + "@example.com";
                List<Callable<Integer>> creates = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    JsonClient client = i % 2 == 0 ? first : second;
                    creates.add(() -> client.post("/Users", ScimUsersHttpTest.user(userName, null)).status());
                }
                List<Integer> roundStatuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(creates)) {
                    roundStatuses.add(status.get());
                }
                assertThat(roundStatuses).as(userName).filteredOn(s -> s == 201).hasSize(1);
                assertThat(roundStatuses).as(userName).filteredOn(s -> s == 409).hasSize(writers - 1);
                statuses.addAll(roundStatuses);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.get("/Users").body().get("totalResults").asInt()).isEqualTo(5);
        assertThat(second.get("/Users").body().get("totalResults").asInt()).isEqualTo(5);
    }

    @Test
    void revokedTokenThenRejectedByBothInstancesOnceCachedEntriesExpire() throws Exception {
        ScimDirectory directory = newDirectory("okta");
        JsonClient second = new JsonClient(directory.scimBaseUrl().replace(":" + port + "/", ":" + secondPort() + "/"),
                directory.token(), SCIM_JSON);
        assertThat(second.get("/Users").status()).isEqualTo(200);
        String tokenId = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body()
                .get("data").get(0).get("id").asString();

        operator().delete("/api/v1/directories/" + directory.id() + "/tokens/" + tokenId);

        assertThat(scim(directory).get("/Users").status()).isEqualTo(401);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = second.get("/Users").status();
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = second.get("/Users").status();
        }
        assertThat(status).isEqualTo(401);
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }
}
