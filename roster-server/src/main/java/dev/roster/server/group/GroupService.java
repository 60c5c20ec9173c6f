package dev.roster.server.group;

import dev.roster.scim.ScimException;
import dev.roster.scim.patch.GroupPatchPlan;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.patch.PatchRequest;
import dev.roster.scim.resource.ChangedAttributes;
import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.server.common.ListOrder;
import dev.roster.server.common.PageCursor;
import dev.roster.server.config.PublicUrl;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.scim.ETags;
import dev.roster.server.scim.ScimResources;
import dev.roster.server.user.UserQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups of one directory (RFC 7644 §3.3–3.6, RFC 7643 §4.2). Members are users of the same directory,
 * kept as a relation: a membership change writes the member rows it names and bumps the group's version.
 */
@Service
public class GroupService {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final GroupRepository groups;
    private final GroupEvents events;
    private final TransactionTemplate transactions;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ResourceSchema schema = CoreSchemas.group();
    private final ResourceNormalizer normalizer = new ResourceNormalizer(schema);
    private final PatchEngine patchEngine = new PatchEngine(schema);

    GroupService(GroupRepository groups, GroupEvents events, TransactionTemplate transactions, PublicUrl publicUrl,
                 Clock clock) {
        this.groups = groups;
        this.events = events;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public ResourceSchema schema() {
        return schema;
    }

    @Transactional
    public GroupResource create(AuthenticatedDirectory directory, JsonNode body) {
        ObjectNode document = normalizer.normalize(body);
        List<String> memberIds = memberIds(document.remove("members"));
        checkMembers(directory.directoryId(), memberIds);
        GroupColumns columns = GroupColumns.of(document);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        try {
            groups.insert(directory.directoryId(), id, columns, now, JSON.writeValueAsString(document));
        } catch (DuplicateKeyException e) {
            throw externalIdTaken(columns.externalId());
        }
        MembershipDelta members = new MembershipDelta();
        groups.addMembers(id, memberIds, members);
        StoredGroup created = new StoredGroup(id, 0, 1, now, now, null);
        events.created(directory, created, document, members);
        return resource(directory.directoryId(), created, document);
    }

    public GroupResource get(String directoryId, String id) {
        StoredGroup group = groups.find(directoryId, id).orElseThrow(() -> notFound(id));
        return resource(directoryId, group);
    }

    /**
     * Hands the group's members to {@code action} as they are read, in one read-only transaction (a cursor
     * on PostgreSQL). They are read after the group itself: a concurrent change may already show in them
     * while the group's version does not, so an If-Match from that version fails safely with a 412.
     */
    @Transactional(readOnly = true)
    public void forEachMember(String groupId, Consumer<GroupMember> action) {
        groups.forEachMember(groupId, action);
    }

    /**
     * One page of the directory's groups: by 1-based {@code startIndex} in creation order or by
     * {@code sortBy}, or by cursor (RFC 9865) in creation order.
     */
    public GroupPage search(String directoryId, UserQuery query) {
        Condition condition = GroupFilterTranslator.translate(query.filter());
        if (query.cursorPagination()) {
            if (query.sortBy() != null) {
                throw ListOrder.cursorWithSortBy();
            }
            List<StoredGroup> rows = query.count() == 0 ? List.of()
                    : groups.pageAfter(directoryId, condition, PageCursor.decode(query.cursor()), query.count() + 1);
            PageCursor.Slice<StoredGroup> page = PageCursor.Slice.of(rows, query.count(), StoredGroup::seq);
            return new GroupPage(groups.count(directoryId, condition), 1, resources(directoryId, page.rows()),
                    page.nextCursor());
        }
        List<StoredGroup> page = query.count() == 0 ? List.of()
                : groups.page(directoryId, condition, order(query), query.startIndex() - 1, query.count());
        long total = query.startIndex() == 1 && page.size() < query.count()
                ? page.size()
                : groups.count(directoryId, condition);
        return new GroupPage(total, query.startIndex(), resources(directoryId, page), null);
    }

    private static List<SortField<?>> order(UserQuery query) {
        if (query.sortBy() == null) {
            return GroupRepository.CREATION_ORDER;
        }
        Field<?> column = GroupFilterTranslator.sortColumn(query.sortBy()).orElseThrow(() ->
                ScimException.invalidValue("cannot sort by '" + query.sortBy() + "'; Groups sort by id, displayName, "
                        + "externalId, meta.created and meta.lastModified"));
        return ListOrder.sortedBy(column, query.descending(), GroupTable.SEQ);
    }

    private List<GroupResource> resources(String directoryId, List<StoredGroup> page) {
        return page.stream().map(group -> resource(directoryId, group)).toList();
    }

    /** Full replace, the member list included (RFC 7644 §3.5.1): only the members that differ are written. */
    @Transactional
    public GroupResource replace(AuthenticatedDirectory directory, String id, JsonNode body, String ifMatch) {
        StoredGroup current = groups.lock(directory.directoryId(), id).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, current.version());
        ObjectNode document = normalizer.normalize(body);
        List<String> memberIds = memberIds(document.remove("members"));
        checkMembers(directory.directoryId(), memberIds);
        MembershipDelta members = new MembershipDelta();
        groups.replaceMembers(id, memberIds, members);
        return write(directory, current, document, members);
    }

    /**
     * Applies the PATCH atomically; member operations become inserts and deletes of the named members only.
     * On PostgreSQL, what Okta and Entra send for a membership change, one add or one remove without If-Match,
     * is a single statement of the repository that also checks the users and writes the events; anything else
     * checks the users to add first and then runs in one transaction that locks the group.
     */
    public GroupResource patch(AuthenticatedDirectory directory, String id, JsonNode body, String ifMatch) {
        String directoryId = directory.directoryId();
        GroupPatchPlan plan = GroupPatchPlan.of(PatchRequest.parse(body));
        boolean singleMemberChange = groups.changesMembersInOneStatement() && (ifMatch == null || ifMatch.isBlank())
                && plan.attributeOperations().operations().isEmpty() && plan.memberChanges().size() == 1;
        if (singleMemberChange && plan.memberChanges().getFirst() instanceof GroupPatchPlan.MemberChange.Add add) {
            return changeMembers(directory, id, true, add.userIds());
        }
        if (singleMemberChange
                && plan.memberChanges().getFirst() instanceof GroupPatchPlan.MemberChange.Remove remove) {
            return changeMembers(directory, id, false, remove.userIds());
        }
        for (GroupPatchPlan.MemberChange change : plan.memberChanges()) {
            if (change instanceof GroupPatchPlan.MemberChange.Add add) {
                checkMembers(directoryId, add.userIds());
            } else if (change instanceof GroupPatchPlan.MemberChange.ReplaceAll replaceAll) {
                checkMembers(directoryId, replaceAll.userIds());
            }
        }
        return transactions.execute(status -> patchInTransaction(directory, id, plan, ifMatch));
    }

    /**
     * The one statement of a membership change, events included; when nothing was written, says why: an unknown
     * user (400, naming it) or else no such group (404).
     */
    private GroupResource changeMembers(AuthenticatedDirectory directory, String id, boolean add,
                                        List<String> userIds) {
        OffsetDateTime now = now();
        Optional<StoredGroup> written = groups.changeMembers(directory.directoryId(), id, add, userIds, now,
                events.drafts(directory, add, userIds, now));
        if (written.isEmpty()) {
            if (add) {
                checkMembers(directory.directoryId(), userIds);
            }
            throw notFound(id);
        }
        events.committed();
        return resource(directory.directoryId(), written.get());
    }

    private GroupResource patchInTransaction(AuthenticatedDirectory directory, String id, GroupPatchPlan plan,
                                             String ifMatch) {
        String directoryId = directory.directoryId();
        MembershipDelta members = new MembershipDelta();
        if (plan.attributeOperations().operations().isEmpty()) {
            StoredGroup bumped = groups.bumpVersion(directoryId, id, now()).orElseThrow(() -> notFound(id));
            ETags.checkIfMatch(ifMatch, bumped.version() - 1);
            applyMemberChanges(id, plan, members);
            ObjectNode document = (ObjectNode) JSON.readTree(bumped.document());
            events.membersChanged(directory, bumped, document, members);
            return resource(directoryId, bumped, document);
        }
        StoredGroup current = groups.lock(directoryId, id).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, current.version());
        ObjectNode document = patchEngine.apply((ObjectNode) JSON.readTree(current.document()),
                plan.attributeOperations());
        document.remove("members");
        applyMemberChanges(id, plan, members);
        return write(directory, current, document, members);
    }

    private void applyMemberChanges(String id, GroupPatchPlan plan, MembershipDelta members) {
        for (GroupPatchPlan.MemberChange change : plan.memberChanges()) {
            switch (change) {
                case GroupPatchPlan.MemberChange.Add add -> groups.addMembers(id, add.userIds(), members);
                case GroupPatchPlan.MemberChange.Remove remove -> groups.removeMembers(id, remove.userIds(), members);
                case GroupPatchPlan.MemberChange.RemoveAll removeAll -> groups.removeAllMembers(id, members);
                case GroupPatchPlan.MemberChange.ReplaceAll replaceAll ->
                        groups.replaceMembers(id, replaceAll.userIds(), members);
            }
        }
    }

    /**
     * Deletes the group and its memberships; its users stay. The memberships get no events of their own: the
     * application drops them on {@code group.deleted}.
     */
    @Transactional
    public void delete(AuthenticatedDirectory directory, String id, String ifMatch) {
        StoredGroup current = groups.lock(directory.directoryId(), id).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, current.version());
        long memberCount = groups.memberCount(id);
        groups.delete(directory.directoryId(), id);
        events.deleted(directory, current, memberCount, now());
    }

    /**
     * Writes the group's new attributes; {@code group.updated} only if they differ from the current ones, then the
     * events of the {@code members} the write changed.
     */
    private GroupResource write(AuthenticatedDirectory directory, StoredGroup current, ObjectNode document,
                                MembershipDelta members) {
        GroupColumns columns = GroupColumns.of(document);
        OffsetDateTime now = now();
        String serialized = JSON.writeValueAsString(document);
        try {
            groups.update(directory.directoryId(), current.id(), current.version() + 1, columns, now, serialized);
        } catch (DuplicateKeyException e) {
            throw externalIdTaken(columns.externalId());
        }
        StoredGroup written = new StoredGroup(current.id(), current.seq(), current.version() + 1, current.created(),
                now, serialized);
        List<String> changedAttributes =
                ChangedAttributes.between((ObjectNode) JSON.readTree(current.document()), document);
        if (!changedAttributes.isEmpty()) {
            events.updated(directory, written, document, groups.memberCount(current.id()), changedAttributes);
        }
        events.membersChanged(directory, written, document, members);
        return resource(directory.directoryId(), written, document);
    }

    /** The member ids of a normalized {@code members} value, in order and without repeats. */
    private static List<String> memberIds(JsonNode members) {
        if (members == null || members.isNull()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode member : members) {
            JsonNode value = member.path("value");
            if (!value.isString() || value.asString().isBlank()) {
                throw ScimException.invalidValue("members[" + index + "] has no 'value': each member needs the id "
                        + "of a user of this directory");
            }
            ids.add(value.asString());
            index++;
        }
        return new ArrayList<>(ids);
    }

    /** Members must be users of this directory: an unknown id fails the whole request, naming the id. */
    private void checkMembers(String directoryId, List<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        Set<String> existing = groups.existingUsers(directoryId, userIds);
        List<String> unknown = userIds.stream().filter(userId -> !existing.contains(userId)).limit(10).toList();
        if (!unknown.isEmpty()) {
            throw ScimException.invalidValue("members must be users of this directory; unknown user id(s): "
                    + String.join(", ", unknown) + ". Provision the users before adding them to a group.");
        }
    }

    private GroupResource resource(String directoryId, StoredGroup group) {
        return resource(directoryId, group, (ObjectNode) JSON.readTree(group.document()));
    }

    private GroupResource resource(String directoryId, StoredGroup group, ObjectNode document) {
        String base = publicUrl.scimBaseUrl(directoryId);
        String location = base + "/Groups/" + group.id();
        ObjectNode tree = ScimResources.withId(document, group.id());
        ScimResources.putMeta(tree, "Group", group.created(), group.lastModified(), location, group.version());
        return new GroupResource(tree, group.id(), group.version(), location, base);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("Group " + id + " not found");
    }

    private static ScimException externalIdTaken(String externalId) {
        return ScimException.uniqueness("externalId '" + externalId + "' is already used by another group of this "
                + "directory");
    }
}
