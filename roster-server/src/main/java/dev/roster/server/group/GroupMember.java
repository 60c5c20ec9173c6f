package dev.roster.server.group;

/** A member of a group: a user of the group's directory, shown by its userName. */
public record GroupMember(String userId, String userName) {
}
