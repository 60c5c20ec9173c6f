package dev.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SequenceLatenciesTest {

    @Test
    void summarizesOnlyTheRequestsOfTheRange() {
        SequenceLatencies latencies = new SequenceLatencies(2_000);
        for (int sequence = 0; sequence < 2_000; sequence++) {
            long millis = sequence < 1_000 ? 1 + sequence % 10 : 100 + sequence % 10;
            latencies.record(sequence, Exchange.of(204, "", millis * 1_000_000));
        }

        LatencySummary first = latencies.summary(new RequestRange(0, 1_000));
        LatencySummary last = latencies.summary(new RequestRange(1_000, 2_000));

        // HdrHistogram keeps 3 significant digits
        assertThat(first.p50Ms()).isCloseTo(5.0, within(0.01));
        assertThat(first.maxMs()).isCloseTo(10.0, within(0.01));
        assertThat(last.p50Ms()).isCloseTo(104.0, within(0.1));
        assertThat(last.maxMs()).isCloseTo(109.0, within(0.1));
    }

    @Test
    void leavesUnansweredRequestsOut() {
        SequenceLatencies latencies = new SequenceLatencies(3);
        latencies.record(0, Exchange.of(204, "", 2_000_000));
        latencies.record(1, Exchange.unanswered(new IOException("Connection reset")));

        assertThat(latencies.summary().maxMs()).isCloseTo(2.0, within(0.01));
        assertThat(latencies.summary(new RequestRange(1, 3))).isEqualTo(LatencySummary.NONE);
    }
}
