package dev.roster.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * The groups scenario against one directory: creates users 0 to n-1, then grows one group by a PATCH per member
 * and another by PATCHes of a batch of members, each to every user created. The warm-up and the measured run
 * send exactly these requests.
 */
final class GroupLoad {

    /** The users' create phase, and the growths, none when no user could be created. */
    record Outcome(PhaseResult create, List<GroupGrowthResult> growths) {

        /** Failed creates and PATCHes, a group that could not be created, and reads that failed or came out wrong. */
        long errors() {
            return create.errors() + growths.stream()
                    .mapToLong(growth -> growth.errors()
                            + growth.reads().stream().mapToLong(GroupReadTiming::errors).sum())
                    .sum();
        }
    }

    private final ClosedLoopPhase phase;
    private final ScimClient scim;
    private final OktaUsers users;
    private final GroupGrowth growth;
    private final PrintStream log;
    private final String namePrefix;

    /** {@code namePrefix} goes before every phase name in the log, e.g. "warm-up ". */
    GroupLoad(ClosedLoopPhase phase, ScimClient scim, OktaUsers users, OktaGroups groups, PrintStream log,
            String namePrefix) {
        this.phase = phase;
        this.scim = scim;
        this.users = users;
        this.growth = new GroupGrowth(phase, scim, groups, log, namePrefix);
        this.log = log;
        this.namePrefix = namePrefix;
    }

    Outcome run(int members, int batchSize) throws InterruptedException {
        DirectoryLoad directory = new DirectoryLoad(phase, scim, users, log, namePrefix, members);
        PhaseResult create = directory.createUsers();
        List<String> userIds = directory.createdIds();
        if (userIds.isEmpty()) {
            log.printf("roster-bench: %sno user could be created, so no group can grow%n", namePrefix);
            return new Outcome(create, List.of());
        }
        return new Outcome(create, List.of(
                growth.run("one at a time", "Bench one at a time", userIds, 1),
                growth.run("batches of " + batchSize, "Bench batches of " + batchSize, userIds, batchSize)));
    }
}
