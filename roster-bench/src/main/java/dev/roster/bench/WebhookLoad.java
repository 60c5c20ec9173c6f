package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The webhooks scenario's writes against one directory and the deliveries they cause: a burst of creates sent as
 * fast as the closed loop allows, then creates and PATCHes on a fixed schedule, then creates whose deliveries are
 * held back to be drained at once. Each phase waits until every acknowledged write's event has reached the
 * {@link WebhookReceiver}, or until none has for {@link #GRACE}.
 */
final class WebhookLoad {

    static final Duration GRACE = Duration.ofSeconds(30);
    /** How long the backlog phase keeps answers held after its last create, so Roster has queued every delivery. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    static final String CREATED = "user.created";
    static final String UPDATED = "user.updated";
    private static final long POLL_MILLIS = 20;
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ClosedLoopPhase closedLoop;
    private final OpenLoopPhase openLoop;
    private final ScimClient scim;
    private final OktaUsers users;
    private final WebhookReceiver receiver;
    private final PrintStream log;
    private final String namePrefix;
    private final List<String> userIds = Collections.synchronizedList(new ArrayList<>());

    /** {@code namePrefix} goes before every phase name in the log, e.g. "warm-up ". */
    WebhookLoad(ClosedLoopPhase closedLoop, OpenLoopPhase openLoop, ScimClient scim, OktaUsers users,
            WebhookReceiver receiver, PrintStream log, String namePrefix) {
        this.closedLoop = closedLoop;
        this.openLoop = openLoop;
        this.scim = scim;
        this.users = users;
        this.receiver = receiver;
        this.log = log;
        this.namePrefix = namePrefix;
    }

    /** Creates users 0 to {@code creates}-1 as fast as the closed loop goes, then times their deliveries. */
    BurstResult burst(int creates) throws InterruptedException {
        DeliveryLedger ledger = new DeliveryLedger();
        receiver.recordInto(ledger);
        String[] ids = new String[creates];
        PhaseResult writes = closedLoop.run(namePrefix + "burst", creates,
                index -> createUser(index, ledger, id -> ids[index] = id));
        long writesEnded = System.nanoTime();
        awaitDeliveries(namePrefix + "burst", ledger);
        userIds.addAll(List.of(ids).stream().filter(Objects::nonNull).toList());
        double deliverySeconds = (ledger.lastReceiptNanos() - ledger.firstReceiptNanos()) / 1e9;
        return new BurstResult(writes, ledger.acknowledged(), ledger.paired(), ledger.unpaired(), deliverySeconds,
                ledger.paired() > 1 ? ledger.paired() / deliverySeconds : 0,
                ledger.paired() > 0 ? (ledger.lastReceiptNanos() - writesEnded) / 1e9 : 0, ledger.latency());
    }

    /**
     * For {@code duration}, {@code rate} writes a second on schedule, alternately the create of a new user (numbered
     * from {@code firstNewUser}) and a PATCH of {@code name.givenName} of a user the burst created, taken in turn;
     * then times each write's event from the write's response.
     */
    RateResult atRate(int rate, Duration duration, int firstNewUser) throws InterruptedException {
        if (userIds.isEmpty()) {
            throw new IllegalStateException("the burst created no user to PATCH");
        }
        List<String> patched = List.copyOf(userIds);
        DeliveryLedger ledger = new DeliveryLedger();
        receiver.recordInto(ledger);
        PhaseResult writes = openLoop.run(namePrefix + "at rate", rate, duration, sequence -> {
            if (sequence % 2 == 0) {
                ScimClient.Reply reply = scim.createUser(users.create(firstNewUser + sequence / 2));
                if (reply.exchange().succeeded()) {
                    ledger.acknowledged(DeliveryLedger.key(CREATED, reply.json().path("id").asString("")),
                            System.nanoTime());
                }
                return reply.exchange();
            }
            String id = patched.get((sequence / 2) % patched.size());
            JsonNode patch = users.replaceGivenName("Renamed" + sequence);
            Exchange exchange = scim.patchUser(id, patch);
            if (exchange.succeeded()) {
                ledger.acknowledged(DeliveryLedger.key(UPDATED, id), System.nanoTime());
            }
            return exchange;
        });
        awaitDeliveries(namePrefix + "at rate", ledger);
        return new RateResult(rate, duration.toSeconds(), writes, ledger.acknowledged(), ledger.paired(),
                ledger.unpaired(), ledger.latency());
    }

    /**
     * Holds the receiver's answers while {@code creates} users, numbered from {@code firstUser}, are created as fast
     * as the closed loop goes, and for {@link #SETTLE} after, so that Roster stops sending and queues their
     * deliveries; then releases the answers and times the backlog's drain from the release.
     */
    BacklogResult backlog(int creates, int firstUser) throws InterruptedException {
        DeliveryLedger ledger = new DeliveryLedger();
        receiver.recordInto(ledger);
        long duplicatesBefore = receiver.duplicates();
        PhaseResult writes;
        long releasedNanos;
        receiver.hold();
        try {
            writes = closedLoop.run(namePrefix + "backlog", creates,
                    index -> createUser(firstUser + index, ledger, id -> {}));
            Thread.sleep(SETTLE.toMillis());
            log.printf("%sbacklog: releasing the held answers, %,d events owed%n", namePrefix, ledger.unpaired());
        } finally {
            releasedNanos = System.nanoTime();
            receiver.release();
        }
        awaitDeliveries(namePrefix + "backlog", ledger);
        double drainSeconds = ledger.paired() > 0 ? (ledger.lastReceiptNanos() - releasedNanos) / 1e9 : 0;
        return new BacklogResult(writes, ledger.acknowledged(), ledger.paired(), ledger.unpaired(),
                receiver.duplicates() - duplicatesBefore, drainSeconds,
                drainSeconds > 0 ? ledger.paired() / drainSeconds : 0);
    }

    /** Creates user {@code index}; once it is acknowledged, owes {@code ledger} its event and passes on its id. */
    private Exchange createUser(int index, DeliveryLedger ledger, Consumer<String> created)
            throws IOException, InterruptedException {
        ScimClient.Created reply = scim.createUserForId(users.create(index));
        if (reply.succeeded()) {
            ledger.acknowledged(DeliveryLedger.key(CREATED, reply.id()), System.nanoTime());
            created.accept(reply.id());
        }
        return reply.exchange();
    }

    /** Waits until every acknowledged write's event has arrived, or none has arrived for {@link #GRACE}. */
    private void awaitDeliveries(String name, DeliveryLedger ledger) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long nextReport = lastProgress + PROGRESS_INTERVAL_NANOS;
        long paired = ledger.paired();
        while (ledger.unpaired() > 0 && System.nanoTime() - lastProgress < GRACE.toNanos()) {
            Thread.sleep(POLL_MILLIS);
            if (ledger.paired() != paired) {
                paired = ledger.paired();
                lastProgress = System.nanoTime();
            }
            if (System.nanoTime() - nextReport > 0) {
                nextReport += PROGRESS_INTERVAL_NANOS;
                log.printf("%s: %,d writes acknowledged, %,d events received, %,d paired%n", name,
                        ledger.acknowledged(), ledger.received(), paired);
            }
        }
        receiver.recordInto(null);
        if (ledger.unpaired() > 0) {
            log.printf("%s: %,d events never arrived (none for %d s)%n", name, ledger.unpaired(), GRACE.toSeconds());
        }
    }
}
