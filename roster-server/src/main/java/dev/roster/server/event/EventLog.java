package dev.roster.server.event;

import dev.roster.server.common.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every change records its event: in the change's own transaction, so a rolled-back change leaves no event
 * and a committed one exactly one. Calling it outside a transaction is a bug and fails.
 */
@Component
public class EventLog {

    static final int VERSION = 1;

    private final EventRepository events;
    private final EventSequencer sequencer;
    private final JsonMapper json;
    private final Clock clock;

    EventLog(EventRepository events, EventSequencer sequencer, JsonMapper json, Clock clock) {
        this.events = events;
        this.sequencer = sequencer;
        this.json = json;
        this.clock = clock;
    }

    /** The envelope as delivered; {@code data} is the resource as the management API shows it, plus details. */
    record Envelope(String id, EventType type, int version, OffsetDateTime occurredAt, String organizationId,
                    String directoryId, Object data) {
    }

    /**
     * Appends an event about a change of {@code organizationId} (and {@code directoryId}, null when the change
     * belongs to no directory); {@code data} must never hold a secret.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventType type, String organizationId, String directoryId, Object data) {
        Envelope event = new Envelope(Ids.newId("evt"), type, VERSION,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), organizationId, directoryId, data);
        events.insert(event.id(), type, organizationId, directoryId, event.occurredAt(),
                json.writeValueAsString(event));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sequencer.nudge();
            }
        });
    }
}
