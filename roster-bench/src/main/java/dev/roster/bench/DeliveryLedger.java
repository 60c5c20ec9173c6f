package dev.roster.bench;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Pairs each acknowledged write with the event it caused, by event type and {@code data.id}: writes about the same
 * resource and type pair with their events in order, since Roster delivers those in order. An event that arrives
 * before its write's response waits for it and counts as 0 ms. Thread-safe; writers and the receiver's threads
 * call it at once.
 */
final class DeliveryLedger {

    private final Map<String, Pairing> pairings = new HashMap<>();
    private final Histogram latencyMicros = new Histogram(3);
    private long acknowledged;
    private long received;
    private long paired;
    private long firstReceiptNanos;
    private long lastReceiptNanos;

    /** Not paired yet: acknowledgement times of writes, or receipt times of events that came first. */
    private static final class Pairing {
        final ArrayDeque<Long> acknowledgements = new ArrayDeque<>();
        final ArrayDeque<Long> receipts = new ArrayDeque<>();
    }

    static String key(String eventType, String resourceId) {
        return eventType + " " + resourceId;
    }

    /** A write answered 2xx at {@code nanos} ({@link System#nanoTime()}) and should cause an event with this key. */
    synchronized void acknowledged(String key, long nanos) {
        acknowledged++;
        Pairing pairing = pairings.computeIfAbsent(key, k -> new Pairing());
        Long receipt = pairing.receipts.poll();
        if (receipt == null) {
            pairing.acknowledgements.add(nanos);
        } else {
            pair(nanos, receipt);
            removeIfDone(key, pairing);
        }
    }

    /** An event with this key arrived at {@code nanos}. */
    synchronized void received(String key, long nanos) {
        received++;
        Pairing pairing = pairings.computeIfAbsent(key, k -> new Pairing());
        Long acknowledgement = pairing.acknowledgements.poll();
        if (acknowledgement == null) {
            pairing.receipts.add(nanos);
        } else {
            pair(acknowledgement, nanos);
            removeIfDone(key, pairing);
        }
    }

    private void pair(long acknowledgedNanos, long receivedNanos) {
        paired++;
        latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(receivedNanos - acknowledgedNanos)));
        if (paired == 1 || receivedNanos - firstReceiptNanos < 0) {
            firstReceiptNanos = receivedNanos;
        }
        if (paired == 1 || receivedNanos - lastReceiptNanos > 0) {
            lastReceiptNanos = receivedNanos;
        }
    }

    private void removeIfDone(String key, Pairing pairing) {
        if (pairing.acknowledgements.isEmpty() && pairing.receipts.isEmpty()) {
            pairings.remove(key);
        }
    }

    synchronized long acknowledged() {
        return acknowledged;
    }

    /** Events received, whether or not a write has claimed them yet. */
    synchronized long received() {
        return received;
    }

    /** Writes whose event has arrived. */
    synchronized long paired() {
        return paired;
    }

    /** Writes whose event has not arrived (yet). */
    synchronized long unpaired() {
        return acknowledged - paired;
    }

    /** Arrival of the earliest paired event; meaningless while none is paired. */
    synchronized long firstReceiptNanos() {
        return firstReceiptNanos;
    }

    synchronized long lastReceiptNanos() {
        return lastReceiptNanos;
    }

    /** From each write's response to its event's arrival, 0 for an event that came first. */
    synchronized LatencySummary latency() {
        return LatencySummary.of(latencyMicros);
    }
}
