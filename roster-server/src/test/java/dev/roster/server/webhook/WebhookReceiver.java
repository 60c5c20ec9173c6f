package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roster.server.support.JsonClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * An application's webhook receiver on 127.0.0.1: verifies every request with the official Standard Webhooks
 * library, as an application would, records it, and answers 204; 401 when verification fails, 500 when told to.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A verified request as received: the headers Roster sent (lower-case names) and the raw body. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        String webhookId() {
            return header("webhook-id");
        }

        JsonNode event() {
            return JsonClient.json(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private volatile Webhook verifier;
    private final CountDownLatch secretKnown = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private volatile Predicate<Received> failing = request -> false;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** A receiver that answers many requests at once, each on its own virtual thread. */
    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
            ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
            WebhookReceiver receiver = new WebhookReceiver(server, handlers);
            server.createContext("/", receiver::handle);
            server.setExecutor(handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    /**
     * Verifies requests with the endpoint's {@code whsec_} secret from now on; requests that arrive before the
     * secret is known (the endpoint's URL has to be registered first) wait for it.
     */
    WebhookReceiver verifyWith(String secret) {
        try {
            verifier = new Webhook(secret);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Standard Webhooks secret", e);
        }
        secretKnown.countDown();
        return this;
    }

    /** Why each rejected request failed verification, in arrival order: empty unless something is wrong. */
    List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Answers 500 to the first {@code times} requests that match {@code which}. */
    void failFirst(int times, Predicate<Received> which) {
        failuresLeft.set(times);
        failing = which;
    }

    /** Keeps every request waiting for its answer until {@link #answer()}, as a slow receiver does. */
    void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    void answer() {
        hold.countDown();
    }

    /** The {@code webhook-id}s of the requests waiting for their answer now. */
    Set<String> heldIds() {
        return held.stream().map(Held::webhookId).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The {@code webhook-id}s of the requests waiting for their answer now that arrived within {@code recently}:
     * shorter than Roster's webhook timeout, those its sender still awaits (and has not retried).
     */
    Set<String> heldIdsArrivedWithin(Duration recently) {
        Instant since = Instant.now().minus(recently);
        return held.stream().filter(request -> request.arrived().isAfter(since)).map(Held::webhookId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many requests have been answered. */
    int answered() {
        return answered.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests have arrived, and returns them in arrival order. */
    List<Received> await(int count) {
        return await(count, TIMEOUT);
    }

    List<Received> await(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(received).as("requests received").hasSizeGreaterThanOrEqualTo(count);
        return received();
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!secretKnown.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new WebhookVerificationException("no secret to verify with");
            }
            verifier.verify(body, exchange.getRequestHeaders());
        } catch (WebhookVerificationException e) {
            rejections.add(e.getMessage());
            respond(exchange, 401);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        Received request = new Received(headers, body);
        received.add(request);
        awaitHold(request.webhookId());
        boolean fail = failing.test(request) && failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        respond(exchange, fail ? 500 : 204);
    }

    private void awaitHold(String webhookId) {
        Held request = new Held(webhookId, Instant.now());
        held.add(request);
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.remove(request);
        }
    }

    /** A request waiting for its answer; identity equality, as one event may be held twice (a retry). */
    private static final class Held {

        private final String webhookId;
        private final Instant arrived;

        Held(String webhookId, Instant arrived) {
            this.webhookId = webhookId;
            this.arrived = arrived;
        }

        String webhookId() {
            return webhookId;
        }

        Instant arrived() {
            return arrived;
        }
    }

    private void respond(HttpExchange exchange, int status) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        }
        answered.incrementAndGet();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
        handlers.shutdownNow();
    }
}
