package dev.roster.server.user;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites one custom attribute's values in every stored user of an organization, in the caller's transaction,
 * when its definition changes under them. Each changed user gets a new version and lastModified; nothing else of
 * the user (emails, indexed columns) changes, because only the custom extension object does.
 */
@Component
public class StoredAttributeValues {

    private static final int BATCH = 500;
    private static final Field<String> ORGANIZATION_ID = field(name("directories", "organization_id"), String.class);

    private final DSLContext db;
    private final Clock clock;

    StoredAttributeValues(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Removes the values of {@code reference}, so that they never reappear under a new definition. */
    public void remove(String organizationId, String extensionUrn, String reference) {
        rewrite(organizationId, extensionUrn, reference, extension -> {
            extension.remove(reference);
            return true;
        });
    }

    /** Turns each single value of {@code reference} into a one-element array, as a multi-valued attribute holds. */
    public void wrapInArrays(String organizationId, String extensionUrn, String reference) {
        rewrite(organizationId, extensionUrn, reference, extension -> {
            JsonNode value = extension.get(reference);
            if (value.isArray()) {
                return false;
            }
            extension.putArray(reference).add(value);
            return true;
        });
    }

    /** {@code change} edits the extension object of a user holding a value of {@code reference}; true if changed. */
    private void rewrite(String organizationId, String extensionUrn, String reference,
                         Predicate<ObjectNode> change) {
        List<String> directoryIds = db.select(UserTable.DIRECTORY_PK).from(UserTable.DIRECTORIES)
                .where(ORGANIZATION_ID.eq(organizationId))
                .fetch(UserTable.DIRECTORY_PK);
        // Rows without the reference's key in their text cannot hold a value; the JSON decides for the others.
        String key = "\"" + reference + "\"";
        for (String directoryId : directoryIds) {
            long afterSeq = 0;
            List<Record4<String, Long, Long, String>> batch;
            do {
                batch = selectUsers()
                        .where(UserTable.DIRECTORY_ID.eq(directoryId)).and(UserTable.SEQ.gt(afterSeq))
                        .and(UserTable.DOCUMENT.contains(key))
                        .orderBy(UserTable.SEQ)
                        .limit(BATCH)
                        .fetch();
                for (Record4<String, Long, Long, String> user : batch) {
                    rewriteUser(directoryId, user.value1(), user.value3(), user.value4(), extensionUrn, reference,
                            change);
                }
                if (!batch.isEmpty()) {
                    afterSeq = batch.getLast().value2();
                }
            } while (batch.size() == BATCH);
        }
    }

    /** Writes the changed document if the user is still at {@code version}, else reads the newer one and retries. */
    private void rewriteUser(String directoryId, String id, long version, String storedDocument, String extensionUrn,
                             String reference, Predicate<ObjectNode> change) {
        while (true) {
            ObjectNode document = (ObjectNode) UserResources.JSON.readTree(storedDocument);
            if (!(document.get(extensionUrn) instanceof ObjectNode extension) || !extension.has(reference)
                    || !change.test(extension)) {
                return;
            }
            if (extension.isEmpty()) {
                document.remove(extensionUrn);
                removeSchema(document, extensionUrn);
            }
            boolean written = db.update(UserTable.SCIM_USERS)
                    .set(UserTable.DOCUMENT, UserResources.serialize(document))
                    .set(UserTable.VERSION, UserTable.VERSION.plus(1))
                    .set(UserTable.LAST_MODIFIED_AT, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
                    .where(UserTable.DIRECTORY_ID.eq(directoryId)).and(UserTable.ID.eq(id))
                    .and(UserTable.VERSION.eq(version))
                    .execute() > 0;
            if (written) {
                return;
            }
            Record4<String, Long, Long, String> current = selectUsers()
                    .where(UserTable.DIRECTORY_ID.eq(directoryId)).and(UserTable.ID.eq(id))
                    .fetchOne();
            if (current == null) {
                return;
            }
            version = current.value3();
            storedDocument = current.value4();
        }
    }

    private SelectJoinStep<Record4<String, Long, Long, String>> selectUsers() {
        return db.select(UserTable.ID, UserTable.SEQ, UserTable.VERSION, UserTable.DOCUMENT).from(UserTable.SCIM_USERS);
    }

    /** The {@code schemas} list names an extension only while the user has its object. */
    private static void removeSchema(ObjectNode document, String urn) {
        ArrayNode schemas = (ArrayNode) document.get("schemas");
        for (int i = schemas.size() - 1; i >= 0; i--) {
            if (schemas.get(i).asString().equals(urn)) {
                schemas.remove(i);
            }
        }
    }
}
