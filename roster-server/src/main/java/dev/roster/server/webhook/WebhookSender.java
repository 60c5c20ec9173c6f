package dev.roster.server.webhook;

import dev.roster.server.config.RosterProperties;
import dev.roster.server.webhook.WebhookDeliveryRepository.Attempt;
import dev.roster.server.webhook.WebhookDeliveryRepository.Claimed;
import dev.roster.server.webhook.WebhookDeliveryRepository.DeliveryAttempt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.security.SecureRandom;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries as Standard Webhooks requests, records every attempt, schedules retries and disables an
 * endpoint that has failed for too long. Claims are leases: a delivery claimed by an instance that dies is due
 * again when its lease ends, so delivery is at least once.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final int BATCH_SIZE = 100;
    static final int MAX_IN_FLIGHT = 256;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 500;
    static final int RECORD_BATCH_SIZE = 500;
    private static final int MAX_SECRETS_KEPT = 10_000;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final SecretKeyring keyring;
    private final WebhookUrlPolicy urlPolicy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<Duration> retrySchedule;
    private final Duration disableAfter;
    private final Duration timeout;
    private final Duration lease;
    private final HttpClient http;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final RandomGenerator claimTokens = new SecureRandom();
    private volatile ExecutorService requests;

    WebhookSender(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, SecretKeyring keyring,
                  WebhookUrlPolicy urlPolicy, TransactionTemplate transactions, RosterProperties properties,
                  Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.keyring = keyring;
        this.urlPolicy = urlPolicy;
        this.transactions = transactions;
        this.clock = clock;
        this.retrySchedule = List.copyOf(properties.webhooks().retrySchedule());
        this.disableAfter = properties.webhooks().disableAfter();
        this.timeout = properties.webhooks().timeout();
        // long enough that an attempt in flight always ends, and is recorded, before another instance may retry it
        this.lease = timeout.multipliedBy(3).plusSeconds(30);
        // HTTP/1.1: the default HTTP/2 asks plain-http receivers to upgrade (h2c), which some servers refuse
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start() {
        requests = Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Lets requests in flight finish for a few seconds, then interrupts them: their leases bring them back. */
    void stop() {
        ExecutorService running = requests;
        running.shutdown();
        try {
            if (!running.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims every delivery due now, as far as {@code MAX_IN_FLIGHT} allows, and sends each on its own virtual
     * thread without waiting, so a slow receiver holds up no other; {@code afterAttempt} runs when an attempt's
     * outcome is queued for {@link #recordAll}. The number claimed.
     */
    int sendAllDue(Runnable afterAttempt) {
        int claimed = 0;
        while (true) {
            int permits = inFlight.drainPermits();
            int limit = Math.min(permits, BATCH_SIZE);
            List<Claimed> batch = List.of();
            try {
                if (limit > 0) {
                    OffsetDateTime now = now();
                    long claimToken = claimTokens.nextLong();
                    batch = transactions.execute(status -> deliveries.claim(now, now.plus(lease), limit, claimToken));
                }
            } finally {
                inFlight.release(permits - batch.size());
            }
            batch.forEach(delivery -> requests.submit(() -> sendAndRelease(delivery, afterAttempt)));
            claimed += batch.size();
            if (limit == 0 || batch.size() < limit) {
                return claimed;
            }
        }
    }

    private void sendAndRelease(Claimed delivery, Runnable afterAttempt) {
        try {
            attempt(delivery).ifPresent(attempt -> {
                outcomes.add(new Outcome(delivery, attempt));
                afterAttempt.run();
            });
        } finally {
            inFlight.release();
        }
    }

    private record Outcome(Claimed claimed, Attempt attempt) {
    }

    /**
     * Records the outcomes of the attempts made since the last call, {@code RECORD_BATCH_SIZE} to a transaction:
     * the attempts in one statement and the deliveries they delivered in another. The number recorded.
     */
    int recordAll() {
        int recorded = 0;
        List<Outcome> batch = new ArrayList<>();
        for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            batch.add(outcome);
            if (batch.size() == RECORD_BATCH_SIZE || outcomes.isEmpty()) {
                transactions.executeWithoutResult(status -> record(batch));
                recorded += batch.size();
                batch.clear();
            }
        }
        return recorded;
    }

    /** The attempt's outcome; empty when interrupted by shutdown, which leaves the delivery to its lease. */
    private Optional<Attempt> attempt(Claimed claimed) {
        OffsetDateTime at = now();
        long started = System.nanoTime();
        Optional<String> refusal = urlPolicy.refusal(claimed.url());
        if (refusal.isPresent()) {
            return Optional.of(new Attempt(at, null, "not sent: the URL " + refusal.get(), 0));
        }
        long timestamp = at.toEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claimed.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", claimed.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignature.sign(secret(claimed), claimed.eventId(), timestamp, claimed.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(claimed.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return Optional.of(new Attempt(at, response.statusCode(), null, millisSince(started)));
        } catch (HttpTimeoutException e) {
            return Optional.of(new Attempt(at, null, "no response within " + timeout, millisSince(started)));
        } catch (IOException e) {
            return Optional.of(new Attempt(at, null, truncate(e.toString()), millisSince(started)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The endpoint's secret in clear, decrypted once per encrypted secret rather than once per attempt. */
    private String secret(Claimed claimed) {
        if (secrets.size() > MAX_SECRETS_KEPT) {
            secrets.clear();
        }
        return secrets.computeIfAbsent(claimed.secretEncrypted(),
                encrypted -> keyring.decrypt(encrypted, claimed.endpointId()));
    }

    /**
     * Writes the endpoint rows before the delivery rows, in the order the management API's updates take, so the
     * two never wait on each other's locks (a deadlock). An endpoint's health follows every attempt, and every
     * attempt is recorded; but a delivery changes only while the claim that sent it still holds it: one that
     * outlasted its lease belongs to whichever claim took it again.
     */
    private void record(List<Outcome> batch) {
        OffsetDateTime now = now();
        List<Outcome> failures = batch.stream().filter(outcome -> !succeeded(outcome.attempt()))
                .sorted(Comparator.comparing(outcome -> outcome.claimed().endpointId())).toList();
        Set<String> succeededEndpoints = batch.stream().filter(outcome -> succeeded(outcome.attempt()))
                .map(outcome -> outcome.claimed().endpointId()).collect(Collectors.toCollection(TreeSet::new));
        if (!succeededEndpoints.isEmpty()) {
            endpoints.succeeded(succeededEndpoints);
        }
        Set<String> disabledEndpoints = new TreeSet<>();
        for (Outcome failure : failures) {
            String reason = "every attempt failed for "
                    + disableAfter.toString().substring("PT".length()).toLowerCase() + "; the last: "
                    + describe(failure.attempt());
            if (endpoints.failed(failure.claimed().endpointId(), now, now.minus(disableAfter), reason)) {
                disabledEndpoints.add(failure.claimed().endpointId());
                log.warn("disabled webhook endpoint {}: {}", failure.claimed().endpointId(), reason);
            }
        }

        Map<String, Long> claims = deliveries.lockClaims(batch.stream().map(outcome -> outcome.claimed().id())
                .toList());
        List<Outcome> existing = batch.stream().filter(outcome -> claims.containsKey(outcome.claimed().id()))
                .toList();
        deliveries.recordAttempts(existing.stream()
                .map(outcome -> new DeliveryAttempt(outcome.claimed().id(), outcome.attempt())).toList());
        List<Outcome> held = new ArrayList<>();
        for (Outcome outcome : existing) {
            if (Objects.equals(claims.get(outcome.claimed().id()), outcome.claimed().claimToken())) {
                held.add(outcome);
            } else {
                log.warn("webhook delivery {}: an attempt ended after its lease; recorded the attempt and left the "
                        + "delivery to the claim that holds it now", outcome.claimed().id());
            }
        }
        deliveries.delivered(held.stream().filter(outcome -> succeeded(outcome.attempt()))
                .map(outcome -> outcome.claimed().id()).toList(), now);
        for (Outcome outcome : held) {
            if (!succeeded(outcome.attempt())) {
                int attempts = outcome.claimed().attemptCount() + 1;
                Optional<OffsetDateTime> retryAt = attempts <= retrySchedule.size()
                        ? Optional.of(now.plus(retrySchedule.get(attempts - 1))) : Optional.empty();
                deliveries.failed(outcome.claimed().id(), attempts, retryAt);
            }
        }
        disabledEndpoints.forEach(endpointId -> deliveries.setPaused(endpointId, true));
    }

    private static boolean succeeded(Attempt attempt) {
        return attempt.httpStatus() != null && attempt.httpStatus() / 100 == 2;
    }

    private static String describe(Attempt attempt) {
        return attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.error();
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
