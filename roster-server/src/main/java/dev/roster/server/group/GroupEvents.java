package dev.roster.server.group;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.event.EventLog;
import dev.roster.server.event.EventType;
import dev.roster.server.event.PendingEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The events of SCIM group writes (docs/events.md, "Group events"), appended in the write's transaction: the
 * group's own event first, then one per member the write actually removed, then one per member it added.
 */
@Component
class GroupEvents {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Member events per append: a PUT that replaces 100,000 members inserts their events in 100 statements. */
    private static final int INSERT_CHUNK = 1000;
    /** Where a draft's data goes: the one-statement member change renders the data in SQL from the rows it wrote. */
    private static final String DATA_MARK = "@data@";

    private final EventLog log;

    GroupEvents(EventLog log) {
        this.log = log;
    }

    /** The data of {@code group.updated}: the group as it is now, and which of its attributes changed. */
    record GroupUpdate(@JsonUnwrapped OrganizationGroup group, List<String> changedAttributes) {
    }

    /** The data of {@code group.member_added} and {@code group.member_removed}. */
    record MemberEvent(GroupReference group, UserReference user) {
    }

    record GroupReference(String id, String displayName, String externalId) {
    }

    record UserReference(String id, String userName) {
    }

    /**
     * Member events rendered before the one statement that may write them, one per requested user in the order
     * of the request, each split where its data goes: {@code heads[i]}, the data, {@code tails[i]}.
     */
    record MemberEventDrafts(String organizationId, List<String> ids, List<String> heads, List<String> tails) {
    }

    /** {@code group.created} as of the group's creation, then {@code group.member_added} for its members. */
    void created(AuthenticatedDirectory directory, StoredGroup group, JsonNode document, MembershipDelta members) {
        OrganizationGroup created = organizationGroup(directory, group, document, members.added().size());
        log.append(log.render(EventType.GROUP_CREATED, directory.organizationId(), directory.directoryId(),
                group.created(), created));
        membersChanged(directory, group, document, members);
    }

    /** {@code group.updated}, occurring when the group was last modified. */
    void updated(AuthenticatedDirectory directory, StoredGroup group, JsonNode document, long memberCount,
                 List<String> changedAttributes) {
        GroupUpdate update = new GroupUpdate(organizationGroup(directory, group, document, memberCount),
                changedAttributes);
        log.append(log.render(EventType.GROUP_UPDATED, directory.organizationId(), directory.directoryId(),
                group.lastModified(), update));
    }

    /** {@code group.deleted} with the group as it was; its memberships go with it and get no events of their own. */
    void deleted(AuthenticatedDirectory directory, StoredGroup group, long memberCount, OffsetDateTime now) {
        OrganizationGroup deleted = organizationGroup(directory, group, JSON.readTree(group.document()),
                memberCount);
        log.append(log.render(EventType.GROUP_DELETED, directory.organizationId(), directory.directoryId(), now,
                deleted));
    }

    /** One event per member removed, then one per member added, occurring when the group was last modified. */
    void membersChanged(AuthenticatedDirectory directory, StoredGroup group, JsonNode document,
                        MembershipDelta members) {
        if (members.added().isEmpty() && members.removed().isEmpty()) {
            return;
        }
        GroupReference reference = reference(group.id(), document);
        insert(directory, EventType.GROUP_MEMBER_REMOVED, reference, members.removed(), group.lastModified());
        insert(directory, EventType.GROUP_MEMBER_ADDED, reference, members.added(), group.lastModified());
    }

    /**
     * Drafts of the member events of a one-statement change of {@code userIds} at {@code now}: the statement
     * fills in each one's data, {@link MemberEvent} as SQL renders it, and inserts those of the users it changed.
     */
    MemberEventDrafts drafts(AuthenticatedDirectory directory, boolean add, List<String> userIds,
                             OffsetDateTime now) {
        EventType type = add ? EventType.GROUP_MEMBER_ADDED : EventType.GROUP_MEMBER_REMOVED;
        List<String> ids = new ArrayList<>(userIds.size());
        List<String> heads = new ArrayList<>(userIds.size());
        List<String> tails = new ArrayList<>(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            PendingEvent draft = log.render(type, directory.organizationId(), directory.directoryId(), now,
                    new RawValue(DATA_MARK));
            int data = draft.payload().indexOf(DATA_MARK);
            ids.add(draft.id());
            heads.add(draft.payload().substring(0, data));
            tails.add(draft.payload().substring(data + DATA_MARK.length()));
        }
        return new MemberEventDrafts(directory.organizationId(), ids, heads, tails);
    }

    /** After a one-statement change committed its events. */
    void committed() {
        log.written();
    }

    /** Appends a chunk of events per statement, so memory holds one chunk whatever the group's size. */
    private void insert(AuthenticatedDirectory directory, EventType type, GroupReference group,
                        Collection<GroupMember> members, OffsetDateTime occurredAt) {
        List<PendingEvent> chunk = new ArrayList<>(Math.min(members.size(), INSERT_CHUNK));
        for (GroupMember member : members) {
            chunk.add(log.render(type, directory.organizationId(), directory.directoryId(), occurredAt,
                    new MemberEvent(group, new UserReference(member.userId(), member.userName()))));
            if (chunk.size() == INSERT_CHUNK) {
                log.append(chunk);
                chunk.clear();
            }
        }
        log.append(chunk);
    }

    private static OrganizationGroup organizationGroup(AuthenticatedDirectory directory, StoredGroup group,
                                                       JsonNode document, long memberCount) {
        GroupReference reference = reference(group.id(), document);
        return new OrganizationGroup(group.id(), directory.directoryId(), reference.displayName(),
                reference.externalId(), memberCount, group.created(), group.lastModified());
    }

    private static GroupReference reference(String id, JsonNode document) {
        return new GroupReference(id, document.path("displayName").asString(null),
                document.path("externalId").asString(null));
    }
}
