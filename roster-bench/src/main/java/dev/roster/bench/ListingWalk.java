package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * Lists every user of the directory one page at a time, the way an identity provider or a reconciliation job
 * reads a whole directory, and times each page.
 */
final class ListingWalk {

    static final int PAGE_SIZE = 200;
    /** Unmeasured first-page requests before each walk, so the first page is not timed on a cold code path. */
    static final int WARM_UP_PAGES = 5;
    private static final long PROGRESS_INTERVAL_NANOS = 10_000_000_000L;

    private final ScimClient scim;
    private final PrintStream log;
    private final String namePrefix;

    /** {@code namePrefix} goes before the walk's name in the log, e.g. "warm-up ". */
    ListingWalk(ScimClient scim, PrintStream log, String namePrefix) {
        this.scim = scim;
        this.log = log;
        this.namePrefix = namePrefix;
    }

    ListingResult byStartIndex(long usersExpected) throws InterruptedException {
        Walk walk = new Walk("startIndex", usersExpected);
        try {
            for (int i = 0; i < WARM_UP_PAGES; i++) {
                scim.pageByIndex(1, PAGE_SIZE);
            }
            long startIndex = 1;
            while (walk.canContinue()) {
                ScimClient.Reply reply = scim.pageByIndex(startIndex, PAGE_SIZE);
                int resources = walk.record(reply);
                if (resources <= 0) {
                    break;
                }
                startIndex += resources;
                if (startIndex > reply.json().path("totalResults").asLong(0)) {
                    break;
                }
            }
        } catch (IOException e) {
            walk.fail(Exchange.describe(e));
        }
        return walk.result();
    }

    ListingResult byCursor(long usersExpected) throws InterruptedException {
        Walk walk = new Walk("cursor", usersExpected);
        try {
            for (int i = 0; i < WARM_UP_PAGES; i++) {
                scim.pageByCursor("", PAGE_SIZE);
            }
            String cursor = "";
            while (walk.canContinue()) {
                ScimClient.Reply reply = scim.pageByCursor(cursor, PAGE_SIZE);
                if (walk.record(reply) < 0) {
                    break;
                }
                cursor = reply.json().path("nextCursor").asString("");
                if (cursor.isEmpty()) {
                    break;
                }
            }
        } catch (IOException e) {
            walk.fail(Exchange.describe(e));
        }
        return walk.result();
    }

    /** Page times and counts of one walk; stops a walk that runs past twice the pages it should take. */
    private final class Walk {
        private final String mode;
        private final long usersExpected;
        private final int pageLimit;
        private final long start = System.nanoTime();
        private long[] pageNanos = new long[64];
        private int pages;
        private long usersSeen;
        private String error;
        private long lastProgress = start;

        Walk(String mode, long usersExpected) {
            this.mode = mode;
            this.usersExpected = usersExpected;
            this.pageLimit = (int) Math.min(Integer.MAX_VALUE - 8, 2 * (usersExpected / PAGE_SIZE) + 10);
            log.printf("%slisting by %s: %,d users, %d per page%n", namePrefix, mode, usersExpected, PAGE_SIZE);
        }

        boolean canContinue() {
            if (pages < pageLimit) {
                return true;
            }
            fail("still not at the last page after " + pages + " pages");
            return false;
        }

        /** Returns how many resources the page held, or -1 if the page failed. */
        int record(ScimClient.Reply reply) {
            Exchange exchange = reply.exchange();
            if (!exchange.succeeded()) {
                fail("page " + (pages + 1) + ": " + exchange.problem());
                return -1;
            }
            if (pages == pageNanos.length) {
                pageNanos = Arrays.copyOf(pageNanos, pages * 2);
            }
            pageNanos[pages++] = exchange.latencyNanos();
            int resources = reply.json().path("Resources").size();
            usersSeen += resources;
            if (System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                lastProgress = System.nanoTime();
                log.printf("%slisting by %s: %,d pages, %,d users so far%n", namePrefix, mode, pages, usersSeen);
            }
            return resources;
        }

        void fail(String reason) {
            if (error == null) {
                error = reason;
                log.printf("%slisting by %s: error: %s%n", namePrefix, mode, reason);
            }
        }

        ListingResult result() {
            if (error == null && usersSeen != usersExpected) {
                fail("saw " + usersSeen + " users, expected " + usersExpected);
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            if (pages == 0) {
                return new ListingResult(mode, PAGE_SIZE, 0, usersExpected, usersSeen, 0, 0, 0, 0, 0, totalSeconds,
                        error);
            }
            long[] sorted = Arrays.copyOf(pageNanos, pages);
            Arrays.sort(sorted);
            double first = millis(pageNanos[0]);
            double last = millis(pageNanos[pages - 1]);
            return new ListingResult(mode, PAGE_SIZE, pages, usersExpected, usersSeen, first,
                    millis(sorted[pages / 2]), last, millis(sorted[pages - 1]), last / first, totalSeconds, error);
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }
    }
}
