package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Runs a fixed number of requests with every worker sending its next request as soon as its previous one
 * is answered (a closed loop), so the offered load adapts to the server and the phase always ends.
 */
final class ClosedLoopPhase {

    /** Sends request number {@code sequence} and returns its exchange, judged. */
    @FunctionalInterface
    interface Step {
        Exchange send(int sequence) throws IOException, InterruptedException;
    }

    static final int ERRORS_KEPT = 5;
    private static final long PROGRESS_INTERVAL_SECONDS = 10;

    private final ExecutorService workers;
    private final int concurrency;
    private final PrintStream log;

    ClosedLoopPhase(ExecutorService workers, int concurrency, PrintStream log) {
        this.workers = workers;
        this.concurrency = concurrency;
        this.log = log;
    }

    /** Sends {@code requests} requests, sequence 0 onwards, and measures every one. */
    PhaseResult run(String name, int requests, Step step) throws InterruptedException {
        log.printf("%s: %,d requests at concurrency %d%n", name, requests, concurrency);
        Tally tally = sendAll(name, requests, step);
        double throughput = tally.requests.get() / tally.seconds;
        return new PhaseResult(name, tally.requests.get(), tally.errors.get(), tally.seconds, throughput,
                LatencySummary.of(tally.latencyMicros), List.copyOf(tally.firstErrors));
    }

    private Tally sendAll(String name, int end, Step step) throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int worker = 0; worker < concurrency; worker++) {
            workers.execute(() -> {
                try {
                    for (long sequence = next.getAndIncrement(); sequence < end; sequence = next.getAndIncrement()) {
                        tally.record(name, send(step, (int) sequence));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    crash.compareAndSet(null, e);
                    next.set(end);
                } finally {
                    finished.countDown();
                }
            });
        }
        while (!finished.await(PROGRESS_INTERVAL_SECONDS, TimeUnit.SECONDS)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            log.printf("%s: %,d of %,d done, %,.0f req/s, %,d errors%n", name, tally.requests.get(), end,
                    tally.requests.get() / seconds, tally.errors.get());
        }
        tally.seconds = (System.nanoTime() - start) / 1e9;
        if (crash.get() != null) {
            throw new IllegalStateException(name + " stopped: a worker failed", crash.get());
        }
        return tally;
    }

    private static Exchange send(Step step, int sequence) throws InterruptedException {
        try {
            return step.send(sequence);
        } catch (IOException e) {
            return Exchange.unanswered(e);
        }
    }

    /** What the workers of one run add up; the histogram and counters take concurrent writers. */
    private final class Tally {
        final Histogram latencyMicros = new ConcurrentHistogram(3);
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        double seconds;

        void record(String name, Exchange exchange) {
            requests.incrementAndGet();
            if (exchange.answered()) {
                latencyMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(exchange.latencyNanos()));
            }
            if (!exchange.succeeded() && errors.incrementAndGet() <= ERRORS_KEPT) {
                firstErrors.add(exchange.problem());
                log.printf("%s: error: %s%n", name, exchange.problem());
            }
        }
    }
}
