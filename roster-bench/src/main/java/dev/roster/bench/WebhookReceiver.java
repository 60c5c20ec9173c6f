package dev.roster.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's end of the webhooks scenario: an HTTP server in the benchmark's process that checks each
 * delivery's Standard Webhooks signature, answers 204 at once and passes each event, the first time its id
 * arrives, to the {@link DeliveryLedger} of the running phase. A request that fails the check is answered 204 all
 * the same, so that Roster does not retry it, and counted. Between {@link #hold} and {@link #release} no request
 * is answered: each waits at a gate, and counts as received when the gate lets it through.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/roster/webhooks";
    private static final int THREADS = 8;
    private static final int BACKLOG = 1024;
    private static final String SECRET_PREFIX = "whsec_";

    private final HttpServer server;
    private final ExecutorService threads;
    private final JsonMapper mapper;
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();
    private volatile SecretKeySpec key;
    private volatile DeliveryLedger ledger;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String firstRejection;

    private WebhookReceiver(HttpServer server, ExecutorService threads, JsonMapper mapper) {
        this.server = server;
        this.threads = threads;
        this.mapper = mapper;
    }

    /** Listens on a free port of 127.0.0.1 with a pool of {@value #THREADS} threads. */
    static WebhookReceiver start(JsonMapper mapper) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("webhook-receiver-", 1).daemon().factory());
        WebhookReceiver receiver = new WebhookReceiver(server, threads, mapper);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(threads);
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The endpoint's secret, {@code whsec_} and the base64 key, as registering the endpoint answered it. */
    void verifyWith(String secret) {
        key = new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256");
    }

    /** Where events go from now on; null drops them (counted, not timed). */
    void recordInto(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * From now on, requests wait unanswered until {@link #release}, so that Roster, which has a limited number of
     * requests in flight, stops sending and queues its deliveries.
     */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets the held requests and every later one through. */
    void release() {
        gate.countDown();
    }

    /** Every delivery request received, duplicates and rejected ones included. */
    long requests() {
        return requests.get();
    }

    /** Requests for an event id received before: Roster delivers at least once. */
    long duplicates() {
        return duplicates.get();
    }

    /** Requests whose signature did not verify or whose body was not an event. */
    long rejected() {
        return rejected.get();
    }

    String firstRejection() {
        return firstRejection;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] payload = body.readAllBytes();
            passGate();
            long receivedNanos = System.nanoTime();
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            accept(exchange, payload, receivedNanos);
        }
    }

    /** Waits while answers are held; an interrupt (the receiver closing) lets the request through at once. */
    private void passGate() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept(HttpExchange exchange, byte[] payload, long receivedNanos) {
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (id == null || timestamp == null || signature == null || !verifies(id, timestamp, signature, payload)) {
            reject("signature of " + id + " does not verify: " + signature);
            return;
        }
        if (!eventIds.add(id)) {
            duplicates.incrementAndGet();
            return;
        }
        JsonNode event;
        try {
            event = mapper.readTree(payload);
        } catch (JacksonException e) {
            reject("body of " + id + " is not JSON: " + e.getOriginalMessage());
            return;
        }
        DeliveryLedger current = ledger;
        if (current != null) {
            current.received(DeliveryLedger.key(event.path("type").asString(""),
                    event.path("data").path("id").asString("")), receivedNanos);
        }
    }

    /** Standard Webhooks: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}; any of several. */
    private boolean verifies(String id, String timestamp, String signatures, byte[] payload) {
        Mac mac = mac();
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(payload);
        for (String signature : signatures.split(" ")) {
            try {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring("v1,".length())))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // a malformed signature verifies nothing; try the next
            }
        }
        return false;
    }

    private Mac mac() {
        Mac mac = macs.get();
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                macs.set(mac);
            }
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    private void reject(String why) {
        if (rejected.incrementAndGet() == 1) {
            firstRejection = why;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
