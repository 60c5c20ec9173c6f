package dev.roster.server.event;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.roster.server.common.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /**
     * The envelope as delivered; {@code data} is the resource as the application sees it, plus details.
     * {@code occurredAt} always has three fraction digits, as SCIM's {@code meta.lastModified} does.
     */
    record Envelope(String id, EventType type, int version,
                    @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSX") OffsetDateTime occurredAt,
                    String organizationId, String directoryId, Object data) {
    }

    /**
     * Appends an event about a change of {@code organizationId} (and {@code directoryId}, null when the change
     * belongs to no directory), occurring now; {@code data} must never hold a secret.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventType type, String organizationId, String directoryId, Object data) {
        append(render(type, organizationId, directoryId, OffsetDateTime.now(clock), data));
    }

    /** Appends an event rendered beforehand. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(PendingEvent pending) {
        append(List.of(pending));
    }

    /** Appends events rendered beforehand, in their order, in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<PendingEvent> pending) {
        if (!pending.isEmpty()) {
            events.insert(pending);
            written();
        }
    }

    /**
     * Renders an event for a change made at {@code occurredAt}, to append later or to insert with the change's
     * own statement. {@code data} is serialized as JSON; a {@link tools.jackson.databind.util.RawValue} is
     * embedded as the JSON text it holds.
     */
    public PendingEvent render(EventType type, String organizationId, String directoryId, OffsetDateTime occurredAt,
                               Object data) {
        OffsetDateTime utcMillis = occurredAt.truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC);
        Envelope envelope = new Envelope(Ids.newTimeOrderedId("evt"), type, VERSION, utcMillis, organizationId,
                directoryId, data);
        return new PendingEvent(envelope.id(), type, organizationId, directoryId, envelope.occurredAt(),
                json.writeValueAsString(envelope));
    }

    /**
     * Call after a statement of the caller's own inserted {@link PendingEvent}s: the sequencer numbers them soon
     * after the transaction commits, or at once when the statement ran outside a transaction.
     */
    public void written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sequencer.nudge();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sequencer.nudge();
            }
        });
    }
}
