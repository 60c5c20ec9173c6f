package dev.roster.server.event;

import dev.roster.server.common.NudgedLoop;
import dev.roster.server.config.RosterProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their positions, in batches and in insertion order. A batch runs in a transaction that
 * first locks the single {@code event_sequencer} row, so one sequencer numbers at a time across all instances,
 * and its positions become visible together when it commits: no later batch can number below them, which is
 * what lets a reader page by position without skipping an event committed late.
 *
 * <p>Runs after every commit that appended an event on this instance, and every {@code sequencerInterval}
 * for the events other instances appended.
 */
@Component
public class EventSequencer implements SmartLifecycle {

    static final int BATCH_SIZE = 500;

    /**
     * The pause after a round: under load, every commit nudges, and a round per commit (a transaction that
     * numbers a handful of events) cost a third of the group member PATCH throughput. Rounds at most every
     * 50 ms number what a busy instance commits meanwhile in one batch, for that much more latency.
     */
    static final Duration ROUND_GAP = Duration.ofMillis(50);

    private final EventRepository events;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final NudgedLoop loop;

    EventSequencer(EventRepository events, TransactionTemplate transactions, ApplicationEventPublisher publisher,
                   RosterProperties properties) {
        this.events = events;
        this.transactions = transactions;
        this.publisher = publisher;
        // a failed round rolls back its batch; the events stay unpositioned until the next round
        this.loop = new NudgedLoop("event-sequencer", properties.events().sequencerInterval(), ROUND_GAP,
                this::sequenceAll);
    }

    /** Published after a round that positioned events, for readers that want them at once (webhook fan-out). */
    public record EventsPositioned(int count) {
    }

    /** The highest position given so far: every position up to it is committed. */
    public long lastPosition() {
        return events.lastPosition();
    }

    /** Asks for a round soon; nudges that arrive during a round coalesce into the next one. */
    void nudge() {
        loop.nudge();
    }

    /** Numbers every committed unpositioned event this sequencer can see; the count it numbered. */
    int sequenceAll() {
        int total = 0;
        int numbered;
        do {
            numbered = transactions.execute(status -> sequenceBatch());
            total += numbered;
        } while (numbered == BATCH_SIZE);
        if (total > 0) {
            publisher.publishEvent(new EventsPositioned(total));
        }
        return total;
    }

    private int sequenceBatch() {
        return events.lockSequencer().map(lastPosition -> {
            List<String> ids = events.unpositioned(BATCH_SIZE);
            if (!ids.isEmpty()) {
                events.assignPositions(ids, lastPosition);
            }
            return ids.size();
        }).orElse(0);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
