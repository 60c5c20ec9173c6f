package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * Times the three reads of a group an identity provider or an admin console sends, one request at a time with
 * nothing else running, and checks that the last answer of each shows the group as the growth left it.
 */
final class GroupReads {

    static final int UNMEASURED = 5;
    static final int MEASURED = 20;

    /** One kind of read; returns the exchange without judging its content. */
    @FunctionalInterface
    private interface Read {
        Exchange send() throws IOException, InterruptedException;
    }

    /** Why the last answer of a read is wrong, or null when it is right. */
    @FunctionalInterface
    private interface Check {
        String problem(JsonNode body);
    }

    private final ScimClient scim;
    private final PrintStream log;
    private final String namePrefix;

    /** {@code namePrefix} goes before the growth's name in the log, e.g. "warm-up ". */
    GroupReads(ScimClient scim, PrintStream log, String namePrefix) {
        this.scim = scim;
        this.log = log;
        this.namePrefix = namePrefix;
    }

    /** Reads the group {@code groupId}, which must hold exactly the users {@code members}, in each of the ways. */
    List<GroupReadTiming> measure(String growth, String groupId, String displayName, List<String> members)
            throws InterruptedException {
        log.printf("%s%s: reading the group at %,d members%n", namePrefix, growth, members.size());
        return List.of(
                time(growth, members.size(), "full", "GET /Groups/{id}", () -> scim.getGroup(groupId, true),
                        body -> wrongMembers(body, groupId, members)),
                time(growth, members.size(), "no members", "GET /Groups/{id}?excludedAttributes=members",
                        () -> scim.getGroup(groupId, false), body -> notWithoutMembers(body, groupId)),
                time(growth, members.size(), "list by name",
                        "GET /Groups?filter=displayName eq \"…\"&excludedAttributes=members",
                        () -> scim.findGroupByDisplayName(displayName), body -> notOnlyGroup(body, groupId)));
    }

    private GroupReadTiming time(String growth, int size, String name, String request, Read read, Check check)
            throws InterruptedException {
        Histogram micros = new Histogram(3);
        long errors = 0;
        String firstError = null;
        Exchange last = null;
        for (int i = 0; i < UNMEASURED + MEASURED; i++) {
            Exchange exchange = send(read);
            if (i >= UNMEASURED && exchange.answered()) {
                micros.recordValue(TimeUnit.NANOSECONDS.toMicros(exchange.latencyNanos()));
            }
            if (i == UNMEASURED + MEASURED - 1 && exchange.succeeded()) {
                exchange = judge(exchange, check);
            }
            if (!exchange.succeeded()) {
                errors++;
                if (firstError == null) {
                    firstError = exchange.problem();
                    log.printf("%s%s: %s at %,d members: error: %s%n", namePrefix, growth, request, size, firstError);
                }
            }
            last = exchange;
        }
        return new GroupReadTiming(size, name, request, MEASURED, LatencySummary.of(micros),
                last.body().getBytes(StandardCharsets.UTF_8).length, errors, firstError);
    }

    private static Exchange send(Read read) throws InterruptedException {
        try {
            return read.send();
        } catch (IOException e) {
            return Exchange.unanswered(e);
        }
    }

    private Exchange judge(Exchange exchange, Check check) {
        ScimClient.Reply reply = scim.parsed(exchange);
        if (!reply.exchange().succeeded()) {
            return reply.exchange();
        }
        String problem = check.problem(reply.json());
        return problem == null ? exchange : exchange.rejectedBecause(problem);
    }

    /** Every added user must be a member exactly once, and nobody else. */
    private static String wrongMembers(JsonNode group, String groupId, List<String> expected) {
        if (!groupId.equals(group.path("id").asString(""))) {
            return "expected group " + groupId;
        }
        JsonNode members = group.path("members");
        Set<String> seen = new HashSet<>(members.size() * 2);
        for (JsonNode member : members) {
            seen.add(member.path("value").asString(""));
        }
        if (members.size() != expected.size() || seen.size() != expected.size()) {
            return "expected " + expected.size() + " distinct members, got " + members.size() + " members, "
                    + seen.size() + " distinct";
        }
        for (String userId : expected) {
            if (!seen.contains(userId)) {
                return "user " + userId + " was added but is not a member";
            }
        }
        return null;
    }

    private static String notWithoutMembers(JsonNode group, String groupId) {
        if (!groupId.equals(group.path("id").asString(""))) {
            return "expected group " + groupId;
        }
        return group.has("members") ? "members were excluded but returned" : null;
    }

    private static String notOnlyGroup(JsonNode list, String groupId) {
        JsonNode resources = list.path("Resources");
        if (list.path("totalResults").asLong(-1) != 1 || resources.size() != 1
                || !groupId.equals(resources.path(0).path("id").asString(""))) {
            return "expected exactly group " + groupId;
        }
        return resources.path(0).has("members") ? "members were excluded but returned" : null;
    }
}
