package dev.roster.server.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round of work on a virtual thread, run when nudged and at least every {@code interval}, and at most once per
 * {@code minimumGap}: nudges that arrive in the gap after a round coalesce into one round when it ends.
 */
public final class NudgedLoop {

    private static final Logger log = LoggerFactory.getLogger(NudgedLoop.class);

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Duration interval;
    private final Duration minimumGap;
    private final Runnable round;
    private final Semaphore nudges = new Semaphore(0);
    private volatile Thread worker;

    public NudgedLoop(String name, Duration interval, Runnable round) {
        this(name, interval, Duration.ZERO, round);
    }

    public NudgedLoop(String name, Duration interval, Duration minimumGap, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.minimumGap = minimumGap;
        this.round = round;
    }

    /** Asks for a round soon; nudges that arrive during a round coalesce into the next one. */
    public void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    public void start() {
        worker = Thread.ofVirtual().name(name).unstarted(this::run);
        worker.start();
    }

    /**
     * Lets the running round finish, since interrupting a JDBC call closes its connection; interrupts it only
     * when it takes longer than {@code GRACE} (a webhook request waiting for its timeout).
     */
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            nudges.release();
            try {
                if (!running.join(GRACE)) {
                    running.interrupt();
                    running.join(GRACE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        while (worker != null) {
            try {
                nudges.tryAcquire(interval.toNanos(), TimeUnit.NANOSECONDS);
                nudges.drainPermits();
                round.run();
                if (minimumGap.isPositive()) {
                    Thread.sleep(minimumGap);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a round works in transactions that roll back; the next round takes up the same work
                log.warn("{} round failed; retrying", name, e);
            }
        }
    }
}
