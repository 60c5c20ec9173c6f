package dev.roster.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * The closed-loop phases against one directory: creates fill it with users 0 to n-1, then lookups, PUTs and
 * PATCHes go to random users it holds. The warm-up and the measured run send exactly these requests.
 */
final class DirectoryLoad {

    private final ClosedLoopPhase phase;
    private final ScimClient scim;
    private final OktaUsers users;
    private final PrintStream log;
    private final String namePrefix;
    private final String[] ids;
    private int[] created = {};

    /** {@code namePrefix} goes before every phase name, e.g. "warm-up ". */
    DirectoryLoad(ClosedLoopPhase phase, ScimClient scim, OktaUsers users, PrintStream log, String namePrefix,
            int userCount) {
        this.phase = phase;
        this.scim = scim;
        this.users = users;
        this.log = log;
        this.namePrefix = namePrefix;
        this.ids = new String[userCount];
    }

    /** Creates the users, then, unless none could be created, sends the lookups, the PUTs and as many PATCHes. */
    List<PhaseResult> run(int lookups, int updates) throws InterruptedException {
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(createUsers());
        if (created.length == 0) {
            log.printf("roster-bench: %sno user could be created, so the other phases cannot run%n", namePrefix);
            return phases;
        }
        phases.add(lookUpUsers(lookups));
        phases.add(replaceUsers(updates));
        phases.add(patchUsers(updates));
        return phases;
    }

    /** Users the create phase left in the directory. */
    int created() {
        return created.length;
    }

    /** The ids of the users the create phase left in the directory, in the order of their user numbers. */
    List<String> createdIds() {
        return Arrays.stream(ids).filter(Objects::nonNull).toList();
    }

    /** Creates users 0 to n-1; the groups scenario needs only this phase. */
    PhaseResult createUsers() throws InterruptedException {
        PhaseResult result = phase.run(namePrefix + "create", ids.length, index -> {
            ScimClient.Created reply = scim.createUserForId(users.create(index));
            ids[index] = reply.id();
            return reply.exchange();
        });
        created = IntStream.range(0, ids.length).filter(i -> ids[i] != null).toArray();
        return result;
    }

    /** {@code userName eq} of a random created user must find exactly that user. */
    private PhaseResult lookUpUsers(int requests) throws InterruptedException {
        return phase.run(namePrefix + "lookup", requests, sequence -> {
            int index = pick();
            ScimClient.Reply reply = scim.findByUserName(OktaUsers.userName(index));
            if (!reply.exchange().succeeded()) {
                return reply.exchange();
            }
            JsonNode resources = reply.json().path("Resources");
            if (reply.json().path("totalResults").asLong(-1) != 1 || resources.size() != 1
                    || !ids[index].equals(resources.path(0).path("id").asString(""))) {
                return reply.exchange().rejectedBecause(
                        "expected exactly user " + ids[index] + " for " + OktaUsers.userName(index));
            }
            return reply.exchange();
        });
    }

    private PhaseResult replaceUsers(int requests) throws InterruptedException {
        return phase.run(namePrefix + "put", requests, sequence -> {
            int index = pick();
            return scim.replaceUser(ids[index], users.replace(index, ids[index], sequence));
        });
    }

    /** Cycles through Okta's deactivate, its reactivate, and a name.givenName replace. */
    private PhaseResult patchUsers(int requests) throws InterruptedException {
        return phase.run(namePrefix + "patch", requests, sequence -> {
            String id = ids[pick()];
            JsonNode patch = switch (sequence % 3) {
                case 0 -> users.setActive(false);
                case 1 -> users.setActive(true);
                default -> users.replaceGivenName("Renamed" + sequence);
            };
            return scim.patchUser(id, patch);
        });
    }

    private int pick() {
        return created[ThreadLocalRandom.current().nextInt(created.length)];
    }
}
