package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** An application's webhook receiver on 127.0.0.1: records every request and answers 204, or 500 when told to. */
final class WebhookReceiver implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A request as received: the headers Roster sent (lower-case names) and the raw body. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode event() {
            return JsonClient.json(body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Predicate<Received> failing = request -> false;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
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
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        Received request = new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        received.add(request);
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean fail = failing.test(request) && failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        exchange.sendResponseHeaders(fail ? 500 : 204, -1);
        exchange.close();
        answered.incrementAndGet();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
    }
}
