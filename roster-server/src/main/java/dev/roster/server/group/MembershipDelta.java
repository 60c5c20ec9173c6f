package dev.roster.server.group;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members one write actually added to a group and removed from it, as the rows its statements inserted and
 * deleted, net of each other: a PATCH that removes a member and adds it back changed nothing.
 */
final class MembershipDelta {

    private final Map<String, GroupMember> added = new LinkedHashMap<>();
    private final Map<String, GroupMember> removed = new LinkedHashMap<>();

    void added(GroupMember member) {
        if (removed.remove(member.userId()) == null) {
            added.put(member.userId(), member);
        }
    }

    void removed(GroupMember member) {
        if (added.remove(member.userId()) == null) {
            removed.put(member.userId(), member);
        }
    }

    Collection<GroupMember> added() {
        return added.values();
    }

    Collection<GroupMember> removed() {
        return removed.values();
    }
}
