package dev.roster.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String ID_PATTERN = "[0-9a-hjkmnp-tv-z]{26}";

    @Test
    void randomIdsArePrefixedAndDistinct() {
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> Ids.newId("org")).toList();

        assertThat(ids).allSatisfy(id -> assertThat(id).matches("org_" + ID_PATTERN));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void timeOrderedIdsHaveTheSameShapeAndSortInTheOrderTheyWereMade() throws InterruptedException {
        String first = Ids.newTimeOrderedId("evt");
        Thread.sleep(2);
        String second = Ids.newTimeOrderedId("evt");
        Thread.sleep(2);
        String third = Ids.newTimeOrderedId("evt");

        assertThat(List.of(first, second, third)).allSatisfy(id -> assertThat(id).matches("evt_" + ID_PATTERN))
                .isSorted();
    }

    @Test
    void timeOrderedIdsMadeInTheSameMillisecondStillDiffer() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(Ids.newTimeOrderedId("whd")));

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aTimeOrderedIdBeginsWithTheMillisecondItWasMade() {
        long before = System.currentTimeMillis();
        String id = Ids.newTimeOrderedId("evt");
        long after = System.currentTimeMillis();

        long encoded = 0;
        for (char c : id.substring("evt_".length(), "evt_".length() + 10).toCharArray()) {
            encoded = encoded * 32 + "0123456789abcdefghjkmnpqrstvwxyz".indexOf(c);
        }
        assertThat(encoded).isBetween(before, after);
    }
}
