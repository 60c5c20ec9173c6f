package dev.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestRangeTest {

    @Test
    void oneMemberPerRequestTakesTheFirstAndLastThousandRequests() {
        assertThat(RequestRange.carryingFirst(1_000, 100_000, 1)).isEqualTo(new RequestRange(0, 1_000));
        assertThat(RequestRange.carryingLast(1_000, 100_000, 1)).isEqualTo(new RequestRange(99_000, 100_000));
    }

    @Test
    void batchesTakeEveryRequestThatCarriedOneOfTheAdditions() {
        assertThat(RequestRange.carryingFirst(1_000, 100_000, 100)).isEqualTo(new RequestRange(0, 10));
        assertThat(RequestRange.carryingLast(1_000, 100_000, 100)).isEqualTo(new RequestRange(990, 1_000));
        // 2,050 members in batches of 300: requests 0-6, the last carrying 250; the first 1,000 end in request 3,
        // the last 1,000 (1,050 to 2,049) start in request 3.
        assertThat(RequestRange.carryingFirst(1_000, 2_050, 300)).isEqualTo(new RequestRange(0, 4));
        assertThat(RequestRange.carryingLast(1_000, 2_050, 300)).isEqualTo(new RequestRange(3, 7));
    }

    @Test
    void aGroupSmallerThanTheWindowHasEveryRequestInBoth() {
        assertThat(RequestRange.carryingFirst(1_000, 250, 100)).isEqualTo(new RequestRange(0, 3));
        assertThat(RequestRange.carryingLast(1_000, 250, 100)).isEqualTo(new RequestRange(0, 3));
    }
}
