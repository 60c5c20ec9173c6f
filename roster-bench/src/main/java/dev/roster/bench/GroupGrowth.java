package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows one new group from empty to a list of users with PATCHes that each add the next {@code batchSize} of them,
 * the way Okta's Push Groups fills a group, and reads the group when empty, at {@link #CHECKPOINT} members and
 * when full. The PATCHes run in a closed loop at the phase's concurrency; as they all target the one group they
 * queue on the server for its row lock, so the figures say how fast one group can grow, not how fast many can.
 */
final class GroupGrowth {

    /** Additions whose PATCHes are summarized apart at the start and at the end of a growth. */
    static final int WINDOW = 1_000;
    /** Members at which the growth pauses to read the group, unless the group ends up smaller. */
    static final int CHECKPOINT = 10_000;

    private final ClosedLoopPhase phase;
    private final ScimClient scim;
    private final OktaGroups groups;
    private final GroupReads reads;
    private final PrintStream log;
    private final String namePrefix;

    /** {@code namePrefix} goes before every growth name in the log, e.g. "warm-up ". */
    GroupGrowth(ClosedLoopPhase phase, ScimClient scim, OktaGroups groups, PrintStream log, String namePrefix) {
        this.phase = phase;
        this.scim = scim;
        this.groups = groups;
        this.reads = new GroupReads(scim, log, namePrefix);
        this.log = log;
        this.namePrefix = namePrefix;
    }

    /** Creates the group {@code displayName} and adds {@code userIds} in order, {@code batchSize} per PATCH. */
    GroupGrowthResult run(String name, String displayName, List<String> userIds, int batchSize)
            throws InterruptedException {
        ScimClient.Reply created = createGroup(displayName);
        String groupId = created.exchange().succeeded() ? created.json().path("id").asString("") : "";
        if (groupId.isEmpty()) {
            String problem = created.exchange().succeeded()
                    ? created.exchange().rejectedBecause("created group has no id").problem()
                    : created.exchange().problem();
            log.printf("%s%s: cannot create the group: %s%n", namePrefix, name, problem);
            return notCreated(name, batchSize, userIds.size(), problem);
        }

        int requests = Math.ceilDiv(userIds.size(), batchSize);
        int checkpoint = Math.min(requests, Math.ceilDiv(CHECKPOINT, batchSize));
        SequenceLatencies latencies = new SequenceLatencies(requests);
        List<GroupReadTiming> reads = new ArrayList<>(this.reads.measure(name, groupId, displayName, List.of()));
        List<PhaseResult> segments = new ArrayList<>();
        int sent = 0;
        // One segment up to the checkpoint and one for the rest, or a single one when the group stays that small.
        for (int stop : checkpoint < requests ? List.of(checkpoint, requests) : List.of(requests)) {
            List<String> added = userIds.subList(0, Math.min(userIds.size(), stop * batchSize));
            segments.add(addMembers(String.format("%s to %,d", name, added.size()), groupId, userIds, batchSize,
                    sent, stop, latencies));
            reads.addAll(this.reads.measure(name, groupId, displayName, added));
            sent = stop;
        }
        return grown(name, groupId, batchSize, userIds.size(), segments, latencies, reads);
    }

    private static GroupGrowthResult grown(String name, String groupId, int batchSize, int members,
            List<PhaseResult> segments, SequenceLatencies latencies, List<GroupReadTiming> reads) {
        long requests = segments.stream().mapToLong(PhaseResult::requests).sum();
        long errors = segments.stream().mapToLong(PhaseResult::errors).sum();
        double seconds = segments.stream().mapToDouble(PhaseResult::seconds).sum();
        GroupGrowthResult.Additions first = additions(latencies,
                RequestRange.carryingFirst(WINDOW, members, batchSize), members);
        GroupGrowthResult.Additions last = additions(latencies,
                RequestRange.carryingLast(WINDOW, members, batchSize), members);
        double firstP50 = first.latency().p50Ms();
        List<String> firstErrors = segments.stream().flatMap(segment -> segment.firstErrors().stream())
                .limit(ClosedLoopPhase.ERRORS_KEPT).toList();
        return new GroupGrowthResult(name, groupId, batchSize, members, requests, errors, seconds, requests / seconds,
                members / seconds, latencies.summary(), first, last,
                firstP50 > 0 ? last.latency().p50Ms() / firstP50 : 0, List.copyOf(reads), firstErrors);
    }

    private static GroupGrowthResult notCreated(String name, int batchSize, int members, String problem) {
        GroupGrowthResult.Additions none = new GroupGrowthResult.Additions(0, 0, LatencySummary.NONE);
        return new GroupGrowthResult(name, null, batchSize, members, 0, 1, 0, 0, 0, LatencySummary.NONE, none, none,
                0, List.of(), List.of(problem));
    }

    private ScimClient.Reply createGroup(String displayName) throws InterruptedException {
        try {
            return scim.createGroup(groups.create(displayName));
        } catch (IOException e) {
            return new ScimClient.Reply(Exchange.unanswered(e), null);
        }
    }

    /** PATCH requests {@code from} to {@code to} (exclusive); each must be answered 204, or 200 with the group. */
    private PhaseResult addMembers(String segment, String groupId, List<String> userIds, int batchSize, int from,
            int to, SequenceLatencies latencies) throws InterruptedException {
        return phase.run(namePrefix + segment, to - from, sequence -> {
            int request = from + sequence;
            List<String> batch = userIds.subList(request * batchSize,
                    Math.min(userIds.size(), (request + 1) * batchSize));
            Exchange exchange = scim.patchGroup(groupId, groups.addMembers(batch));
            latencies.record(request, exchange);
            boolean expected = exchange.status() == 204 || exchange.status() == 200;
            return exchange.succeeded() && !expected ? exchange.rejectedBecause("expected 204 No Content") : exchange;
        });
    }

    private static GroupGrowthResult.Additions additions(SequenceLatencies latencies, RequestRange range,
            int members) {
        return new GroupGrowthResult.Additions(Math.min(WINDOW, members), range.requests(), latencies.summary(range));
    }
}
