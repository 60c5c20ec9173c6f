package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests on a fixed schedule, {@code rate} per second, each on its own virtual thread whether or not the
 * earlier ones have been answered (an open loop), so a slow server does not slow the load down: requests pile up
 * instead, and the achieved rate shows it.
 */
final class OpenLoopPhase {

    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PrintStream log;

    OpenLoopPhase(PrintStream log) {
        this.log = log;
    }

    /** Sends {@code rate} requests a second for {@code duration}, sequence 0 onwards, and waits for every answer. */
    PhaseResult run(String name, int rate, Duration duration, ClosedLoopPhase.Step step) throws InterruptedException {
        long requests = rate * duration.toSeconds();
        log.printf("%s: %,d requests at %,d/s for %d s, on schedule%n", name, requests, rate, duration.toSeconds());
        Histogram latencyMicros = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_INTERVAL_NANOS;
        try (ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long sequence = 0; sequence < requests; sequence++) {
                LockSupport.parkNanos(start + sequence * 1_000_000_000L / rate - System.nanoTime());
                int current = (int) sequence;
                requestThreads.execute(() -> {
                    Exchange exchange = send(step, current);
                    if (exchange.answered()) {
                        latencyMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(exchange.latencyNanos()));
                    }
                    if (!exchange.succeeded() && errors.incrementAndGet() <= ClosedLoopPhase.ERRORS_KEPT) {
                        firstErrors.add(exchange.problem());
                        log.printf("%s: error: %s%n", name, exchange.problem());
                    }
                });
                if (System.nanoTime() - nextProgress > 0) {
                    nextProgress += PROGRESS_INTERVAL_NANOS;
                    log.printf("%s: %,d of %,d sent, %,d errors%n", name, sequence + 1, requests, errors.get());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PhaseResult(name, requests, errors.get(), seconds, requests / seconds,
                LatencySummary.of(latencyMicros), List.copyOf(firstErrors));
    }

    private static Exchange send(ClosedLoopPhase.Step step, int sequence) {
        try {
            return step.send(sequence);
        } catch (IOException e) {
            return Exchange.unanswered(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.unanswered(e);
        }
    }
}
