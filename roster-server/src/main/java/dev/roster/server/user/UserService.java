package dev.roster.server.user;

import static org.jooq.impl.DSL.noCondition;

import dev.roster.scim.ScimException;
import dev.roster.scim.patch.PatchRequest;
import dev.roster.scim.projection.AttributeProjection;
import dev.roster.scim.resource.ChangedAttributes;
import dev.roster.server.attribute.UserSchema;
import dev.roster.server.attribute.UserSchemas;
import dev.roster.server.common.ListOrder;
import dev.roster.server.common.PageCursor;
import dev.roster.server.config.PublicUrl;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.event.EventLog;
import dev.roster.server.event.EventType;
import dev.roster.server.event.PendingEvent;
import dev.roster.server.member.MemberLifecycle;
import dev.roster.server.scim.ETags;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users of one directory (RFC 7644 §3.3–3.6): create, read, replace, patch, delete and search. */
@Service
public class UserService {

    private static final int MAX_WRITE_ATTEMPTS = 10;
    private static final int SCAN_BATCH = 500;

    private final UserRepository users;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final UserSchemas schemas;
    private final MemberLifecycle members;
    private final EventLog events;

    UserService(UserRepository users, PublicUrl publicUrl, Clock clock, UserSchemas schemas,
                MemberLifecycle members, EventLog events) {
        this.users = users;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.schemas = schemas;
        this.members = members;
        this.events = events;
    }

    /** How a read or search of the directory's users answers with {@code attributes}/{@code excludedAttributes}. */
    public AttributeProjection projection(AuthenticatedDirectory directory, String attributes,
                                          String excludedAttributes) {
        UserSchema schema = schemas.forProjection(directory.organizationId(), attributes, excludedAttributes);
        return AttributeProjection.of(schema.schema(), attributes, excludedAttributes);
    }

    /**
     * The unique index on the userName key decides concurrent creates: one wins, the others get a 409. The
     * repository's insert, which also makes the user's organization member and its event, is atomic by itself,
     * so no transaction is opened here.
     */
    public UserResource create(AuthenticatedDirectory directory, JsonNode body) {
        String directoryId = directory.directoryId();
        UserSchema schema = schemas.forWrite(directory.organizationId(), body);
        ObjectNode document = withDefaultActive(schema.normalizer().normalize(body));
        UserColumns columns = UserColumns.of(document);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        String serialized = UserResources.serialize(document);
        StoredUser stored = new StoredUser(id, 0, 1, now, now, serialized, null);
        String scimBaseUrl = publicUrl.scimBaseUrl(directoryId);
        PendingEvent created = events.render(EventType.USER_CREATED, directory.organizationId(), directoryId, now,
                UserResources.eventData(stored, scimBaseUrl));
        try {
            users.insert(directoryId, id, columns, now, serialized, created);
        } catch (DuplicateKeyException e) {
            throw userNameTaken(columns.userName());
        }
        events.written();
        return new UserResource(stored, document, scimBaseUrl);
    }

    public UserResource get(AuthenticatedDirectory directory, String id) {
        return resource(directory.directoryId(), find(directory.directoryId(), id));
    }

    @Transactional
    public UserResource replace(AuthenticatedDirectory directory, String id, JsonNode body, String ifMatch) {
        return write(directory, id, ifMatch, current ->
                schemas.forWrite(directory.organizationId(), body).normalizer().normalize(body));
    }

    @Transactional
    public UserResource patch(AuthenticatedDirectory directory, String id, JsonNode body, String ifMatch) {
        PatchRequest request = PatchRequest.parse(body);
        return write(directory, id, ifMatch, current ->
                schemas.patch(directory.organizationId(), body, current, request));
    }

    /**
     * With {@code If-Match}, deletes exactly the version it matched: a write in between makes it a 412. The
     * user's organization member is revoked in the same transaction, and its event shows the user as it was.
     */
    @Transactional
    public void delete(AuthenticatedDirectory directory, String id, String ifMatch) {
        String directoryId = directory.directoryId();
        StoredUser user = find(directoryId, id);
        ETags.checkIfMatch(ifMatch, user.version());
        Long matchedVersion = ifMatch == null || ifMatch.isBlank() ? null : user.version();
        OffsetDateTime now = now();
        if (!users.delete(directoryId, id, matchedVersion, now)) {
            throw users.find(directoryId, id).isPresent()
                    ? ScimException.preconditionFailed("user " + id + " changed after If-Match was checked; "
                            + "read it again and retry")
                    : notFound(id);
        }
        members.userDeleted(id, user.document(), now);
        events.append(events.render(EventType.USER_DELETED, directory.organizationId(), directoryId, now,
                UserResources.eventData(user, publicUrl.scimBaseUrl(directoryId))));
    }

    public UserPage search(AuthenticatedDirectory directory, UserQuery query) {
        String directoryId = directory.directoryId();
        UserSchema schema = schemas.forFilter(directory.organizationId(), query.filter());
        if (query.filter() != null) {
            schema.evaluator().validate(query.filter());
        }
        List<SortField<?>> order = order(query);
        if (query.sortBy() == null && !query.cursorPagination() && query.startIndex() == 1 && query.count() > 0) {
            UserPage page = UserFilterTranslator.keyLookup(query.filter())
                    .map(lookup -> lookupPage(directoryId, lookup, query.count()))
                    .orElse(null);
            if (page != null) {
                return page;
            }
        }
        UserFilterTranslator.Translation translation = UserFilterTranslator.translate(query.filter());
        if (!translation.exact()) {
            return scan(directoryId, schema, query, translation.condition(), order);
        }
        Condition condition = translation.condition();
        if (query.cursorPagination()) {
            List<StoredUser> page = users.pageAfter(directoryId, condition, PageCursor.decode(query.cursor()),
                    query.count() + 1);
            return cursorPage(directoryId, total(directoryId, query, condition), page, query.count());
        }
        if (query.count() == 0) {
            return new UserPage(total(directoryId, query, condition), query.startIndex(), List.of(), null);
        }
        List<StoredUser> page = query.sortBy() == null && query.filter() == null
                ? unfilteredPage(directoryId, query.startIndex(), query.count())
                : users.pageAt(directoryId, condition, order, query.startIndex() - 1, query.count());
        // a first page that is not full holds every match: lookups by userName or externalId need no count
        long total = query.startIndex() == 1 && page.size() < query.count()
                ? page.size()
                : total(directoryId, query, condition);
        return new UserPage(total, query.startIndex(), render(directoryId, page), null);
    }

    /**
     * The lookups IdPs send before every create ({@code userName eq}, {@code externalId eq}) as one index probe;
     * null when the first page is full, so that totalResults needs a count.
     */
    private UserPage lookupPage(String directoryId, UserFilterTranslator.KeyLookup lookup, int count) {
        List<StoredUser> page = users.lookup(directoryId, lookup.key(), lookup.value(), count);
        return page.size() < count ? new UserPage(page.size(), 1, render(directoryId, page), null) : null;
    }

    /** totalResults: the directory's kept user count when unfiltered, else a count of the matching rows. */
    private long total(String directoryId, UserQuery query, Condition condition) {
        return query.filter() == null ? users.userCount(directoryId) : users.count(directoryId, condition);
    }

    /**
     * Index pagination of the whole directory without an OFFSET scan: the seq each page ended at is kept as
     * the anchor of the next startIndex, valid until a user is deleted (deletions shift positions).
     */
    private List<StoredUser> unfilteredPage(String directoryId, long startIndex, int count) {
        long epoch = users.deleteEpoch(directoryId);
        List<StoredUser> page;
        if (startIndex == 1) {
            page = users.pageAfter(directoryId, noCondition(), 0, count);
        } else {
            page = users.pageAnchor(directoryId, startIndex)
                    .map(afterSeq -> users.pageAfter(directoryId, noCondition(), afterSeq, count))
                    .orElseGet(() -> users.pageAt(directoryId, noCondition(), UserRepository.LISTING_ORDER,
                            startIndex - 1, count));
        }
        if (!page.isEmpty()) {
            users.savePageAnchor(directoryId, startIndex + page.size(), page.getLast().seq(), epoch);
        }
        return page;
    }

    /**
     * Filters the SQL cannot answer exactly: candidates stream in batches through the in-memory evaluator,
     * so memory holds one batch and one page whatever the directory's size; the time grows with it.
     */
    private UserPage scan(String directoryId, UserSchema schema, UserQuery query, Condition candidates,
                          List<SortField<?>> order) {
        long cursorSeq = query.cursorPagination() ? PageCursor.decode(query.cursor()) : 0;
        List<UserResource> page = new ArrayList<>();
        long lastReturnedSeq = -1;
        long matches = 0;
        boolean moreAfterPage = false;
        long afterSeq = 0;
        long offset = 0;
        while (true) {
            List<StoredUser> batch = query.sortBy() == null
                    ? users.pageAfter(directoryId, candidates, afterSeq, SCAN_BATCH)
                    : users.pageAt(directoryId, candidates, order, offset, SCAN_BATCH);
            for (StoredUser user : batch) {
                UserResource resource = resource(directoryId, user);
                if (!schema.evaluator().matches(query.filter(), resource.tree())) {
                    continue;
                }
                matches++;
                boolean inRange = query.cursorPagination() ? user.seq() > cursorSeq : matches >= query.startIndex();
                if (inRange && page.size() < query.count()) {
                    page.add(resource);
                    lastReturnedSeq = user.seq();
                } else if (inRange) {
                    moreAfterPage = true;
                }
            }
            if (batch.size() < SCAN_BATCH) {
                break;
            }
            afterSeq = batch.getLast().seq();
            offset += batch.size();
        }
        if (query.cursorPagination()) {
            String next = moreAfterPage && lastReturnedSeq >= 0 ? PageCursor.encode(lastReturnedSeq) : null;
            return new UserPage(matches, 1, page, next);
        }
        return new UserPage(matches, query.startIndex(), page, null);
    }

    private UserPage cursorPage(String directoryId, long total, List<StoredUser> rows, int count) {
        PageCursor.Slice<StoredUser> page = PageCursor.Slice.of(rows, count, StoredUser::seq);
        return new UserPage(total, 1, render(directoryId, page.rows()), page.nextCursor());
    }

    private List<SortField<?>> order(UserQuery query) {
        if (query.sortBy() == null) {
            return UserRepository.LISTING_ORDER;
        }
        if (query.cursorPagination()) {
            throw ListOrder.cursorWithSortBy();
        }
        Field<?> column = UserFilterTranslator.sortColumn(query.sortBy()).orElseThrow(() ->
                ScimException.invalidValue("cannot sort by '" + query.sortBy() + "'; sortBy supports id, userName, "
                        + "externalId, displayName, name.givenName, name.familyName, active, meta.created and "
                        + "meta.lastModified"));
        return ListOrder.sortedBy(column, query.descending(), UserTable.SEQ);
    }

    /**
     * {@code change} turns the stored document into the next one. Only a change of {@code active} touches the
     * user's organization member, and makes the event {@code user.deactivated} or {@code user.reactivated}
     * instead of {@code user.updated}. A write that changes nothing writes no new version and no event.
     */
    private UserResource write(AuthenticatedDirectory directory, String id, String ifMatch,
                               UnaryOperator<ObjectNode> change) {
        String directoryId = directory.directoryId();
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            StoredUser current = find(directoryId, id);
            ETags.checkIfMatch(ifMatch, current.version());
            ObjectNode currentDocument = (ObjectNode) UserResources.JSON.readTree(current.document());
            ObjectNode next = withDefaultActive(change.apply(currentDocument));
            if (next.equals(currentDocument)) {
                return new UserResource(current, currentDocument, publicUrl.scimBaseUrl(directoryId));
            }
            UserColumns columns = UserColumns.of(next);
            UserColumns currentColumns = UserColumns.of(currentDocument);
            OffsetDateTime now = now();
            String serialized = UserResources.serialize(next);
            StoredUser stored = new StoredUser(id, current.seq(), current.version() + 1, current.created(), now,
                    serialized, current.groups());
            String scimBaseUrl = publicUrl.scimBaseUrl(directoryId);
            EventType type = columns.active() == currentColumns.active() ? EventType.USER_UPDATED
                    : columns.active() ? EventType.USER_REACTIVATED : EventType.USER_DEACTIVATED;
            PendingEvent event = events.render(type, directory.organizationId(), directoryId, now,
                    UserResources.eventData(stored, scimBaseUrl, ChangedAttributes.between(currentDocument, next)));
            boolean written;
            try {
                written = users.update(directoryId, id, current.version(), columns, now, serialized, event);
            } catch (DuplicateKeyException e) {
                throw userNameTaken(columns.userName());
            }
            if (written) {
                events.written();
                if (!columns.emails().equals(currentColumns.emails())) {
                    users.replaceEmails(id, columns.emails());
                }
                if (!columns.userName().equals(currentColumns.userName())) {
                    users.renameInGroups(id, columns.userName());
                }
                if (columns.active() != currentColumns.active()) {
                    changeMembership(directory, id, columns.active(), now);
                }
                return new UserResource(stored, next, scimBaseUrl);
            }
        }
        throw new ScimException(409, null, "user " + id + " is being changed concurrently; retry the request");
    }

    private void changeMembership(AuthenticatedDirectory directory, String id, boolean active, OffsetDateTime now) {
        if (active) {
            members.userReactivated(directory.directoryId(), id, now);
        } else {
            members.userDeactivated(id, now);
        }
    }

    /**
     * A user without {@code active} is active, whatever the write (POST, PUT, or a PATCH that removes it),
     * so the stored document, its column and both filter back ends always agree.
     */
    private static ObjectNode withDefaultActive(ObjectNode document) {
        if (!document.has("active")) {
            document.put("active", true);
        }
        return document;
    }

    private StoredUser find(String directoryId, String id) {
        return users.find(directoryId, id).orElseThrow(() -> notFound(id));
    }

    private UserResource resource(String directoryId, StoredUser user) {
        return new UserResource(user, publicUrl.scimBaseUrl(directoryId));
    }

    private List<UserResource> render(String directoryId, List<StoredUser> page) {
        String base = publicUrl.scimBaseUrl(directoryId);
        return page.stream().map(user -> new UserResource(user, base)).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("User " + id + " not found");
    }

    private static ScimException userNameTaken(String userName) {
        return ScimException.uniqueness("userName '" + userName + "' is already taken in this directory "
                + "(userName is unique case-insensitively)");
    }
}
