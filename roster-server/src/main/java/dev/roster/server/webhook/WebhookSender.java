package dev.roster.server.webhook;

import dev.roster.server.config.RosterProperties;
import dev.roster.server.webhook.WebhookDeliveryRepository.Attempt;
import dev.roster.server.webhook.WebhookDeliveryRepository.Claimed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
     * thread without waiting, so a slow receiver holds up no other; {@code afterAttempt} runs when an attempt is
     * recorded, since it may release a delivery held behind it. The number claimed.
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
                    batch = transactions.execute(status -> deliveries.claim(now, now.plus(lease), limit));
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
            send(delivery);
            afterAttempt.run();
        } finally {
            inFlight.release();
        }
    }

    private void send(Claimed claimed) {
        attempt(claimed).ifPresent(attempt -> transactions.executeWithoutResult(status -> record(claimed, attempt)));
    }

    /** The attempt's outcome; empty when interrupted by shutdown, which leaves the delivery to its lease. */
    private Optional<Attempt> attempt(Claimed claimed) {
        OffsetDateTime at = now();
        long started = System.nanoTime();
        Optional<String> refusal = urlPolicy.refusal(claimed.url());
        if (refusal.isPresent()) {
            return Optional.of(new Attempt(at, null, "not sent: the URL " + refusal.get(), 0));
        }
        String secret = keyring.decrypt(claimed.secretEncrypted(), claimed.endpointId());
        long timestamp = at.toEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claimed.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", claimed.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignature.sign(secret, claimed.eventId(), timestamp, claimed.payload()))
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

    /**
     * Writes the endpoint row before the delivery rows, in the order the management API's updates take, so the two
     * never wait on each other's locks (a deadlock).
     */
    private void record(Claimed claimed, Attempt attempt) {
        int attempts = claimed.attemptCount() + 1;
        OffsetDateTime now = now();
        if (attempt.httpStatus() != null && attempt.httpStatus() / 100 == 2) {
            endpoints.succeeded(claimed.endpointId());
            deliveries.recordAttempt(claimed.id(), attempt);
            deliveries.delivered(claimed.id(), attempts, now);
            return;
        }
        String reason = "every attempt failed for " + disableAfter.toString().substring("PT".length()).toLowerCase()
                + "; the last: " + describe(attempt);
        boolean disabled = endpoints.failed(claimed.endpointId(), now, now.minus(disableAfter), reason);
        deliveries.recordAttempt(claimed.id(), attempt);
        Optional<OffsetDateTime> retryAt = attempts <= retrySchedule.size()
                ? Optional.of(now.plus(retrySchedule.get(attempts - 1))) : Optional.empty();
        deliveries.failed(claimed.id(), attempts, retryAt);
        if (disabled) {
            deliveries.setPaused(claimed.endpointId(), true);
            log.warn("disabled webhook endpoint {}: {}", claimed.endpointId(), reason);
        }
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
