package dev.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    private static final Map<String, String> KEY = Map.of(BenchmarkOptions.ADMIN_KEY_VARIABLE, "operator-key");

    @Test
    void measuresUsersUnlessToldOtherwise() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--users", "2000"}, KEY);

        assertThat(options.scenario()).isEqualTo(BenchmarkOptions.Scenario.USERS);
        assertThat(options.users()).isEqualTo(2_000);
    }

    @Test
    void groupsScenarioDefaultsToOneHundredThousandMembersInBatchesOfOneHundred() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--scenario", "groups"}, KEY);

        assertThat(options.scenario()).isEqualTo(BenchmarkOptions.Scenario.GROUPS);
        assertThat(options.members()).isEqualTo(100_000);
        assertThat(options.batchSize()).isEqualTo(100);
        assertThat(options.concurrency()).isEqualTo(16);
    }

    @Test
    void readsMembersAndBatchSize() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(
                new String[] {"--scenario", "groups", "--members", "3_000", "--batch-size", "50"}, KEY);

        assertThat(options.members()).isEqualTo(3_000);
        assertThat(options.batchSize()).isEqualTo(50);
    }

    @Test
    void webhooksScenarioDefaultsToABurstOfTwentyThousandThenAMinuteAtOneThousandWritesPerSecond() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--scenario", "webhooks"}, KEY);

        assertThat(options.scenario()).isEqualTo(BenchmarkOptions.Scenario.WEBHOOKS);
        assertThat(options.burst()).isEqualTo(20_000);
        assertThat(options.writeRate()).isEqualTo(1_000);
        assertThat(options.durationSeconds()).isEqualTo(60);
    }

    @Test
    void readsBurstWriteRateAndDuration() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--scenario", "webhooks", "--burst", "500",
                "--write-rate", "200", "--duration", "20"}, KEY);

        assertThat(options.burst()).isEqualTo(500);
        assertThat(options.writeRate()).isEqualTo(200);
        assertThat(options.durationSeconds()).isEqualTo(20);
    }

    @Test
    void webhooksScenarioDrainsABacklogOfTwentyThousandCreatesUnlessToldOtherwise() throws Exception {
        BenchmarkOptions defaults = BenchmarkOptions.parse(new String[] {"--scenario", "webhooks"}, KEY);
        BenchmarkOptions skipped = BenchmarkOptions.parse(new String[] {"--scenario", "webhooks", "--backlog", "0"},
                KEY);

        assertThat(defaults.backlog()).isEqualTo(20_000);
        assertThat(skipped.backlog()).isZero();
    }

    @Test
    void rejectsANegativeBacklog() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--scenario", "webhooks", "--backlog", "-1"},
                KEY)).hasMessage("--backlog needs a whole number of at least 0, got '-1'");
    }

    @Test
    void rejectsAnOptionOfTheOtherScenario() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--scenario", "webhooks", "--members", "5"}, KEY))
                .hasMessage("--members does not apply to --scenario webhooks");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--write-rate", "5"}, KEY))
                .hasMessage("--write-rate does not apply to --scenario users");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--backlog", "5"}, KEY))
                .hasMessage("--backlog does not apply to --scenario users");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--scenario", "groups", "--users", "5"}, KEY))
                .hasMessage("--users does not apply to --scenario groups");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--members", "5"}, KEY))
                .hasMessage("--members does not apply to --scenario users");
    }

    @Test
    void rejectsAnUnknownScenario() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--scenario", "roles"}, KEY))
                .hasMessage("--scenario needs users, groups or webhooks, got 'roles'");
    }
}
