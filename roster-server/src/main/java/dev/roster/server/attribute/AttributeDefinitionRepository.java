package dev.roster.server.attribute;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Custom attribute definitions, always read and written within one organization. */
@Component
class AttributeDefinitionRepository {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final Table<Record> ATTRIBUTE_DEFINITIONS = table(name("attribute_definitions"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> ORGANIZATION_ID = field(name("organization_id"), String.class);
    private static final Field<String> REFERENCE = field(name("reference"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> TYPE = field(name("type"), String.class);
    private static final Field<String> ALLOWED_VALUES = field(name("allowed_values"), String.class);
    private static final Field<Boolean> MULTI_VALUED = field(name("multi_valued"), Boolean.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final SelectFieldOrAsterisk[] COLUMNS = {ID, ORGANIZATION_ID, REFERENCE, NAME, TYPE,
            ALLOWED_VALUES, MULTI_VALUED, DESCRIPTION, CREATED_AT, UPDATED_AT};

    private final DSLContext db;

    AttributeDefinitionRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a custom definition; a reference the organization already uses is a DuplicateKeyException. */
    void insert(AttributeDefinition definition) {
        db.insertInto(ATTRIBUTE_DEFINITIONS)
                .set(ID, definition.id())
                .set(ORGANIZATION_ID, definition.organizationId())
                .set(REFERENCE, definition.reference())
                .set(NAME, definition.name())
                .set(TYPE, definition.type().wireName())
                .set(ALLOWED_VALUES, allowedValuesText(definition.allowedValues()))
                .set(MULTI_VALUED, definition.multiValued())
                .set(DESCRIPTION, definition.description())
                .set(CREATED_AT, definition.createdAt())
                .set(UPDATED_AT, definition.updatedAt())
                .execute();
    }

    Optional<AttributeDefinition> find(String organizationId, String reference) {
        return db.select(COLUMNS).from(ATTRIBUTE_DEFINITIONS)
                .where(ORGANIZATION_ID.eq(organizationId)).and(REFERENCE.eq(reference))
                .fetchOptional(AttributeDefinitionRepository::toDefinition);
    }

    /** The definition, its row locked until the transaction ends, so concurrent updates check one another. */
    Optional<AttributeDefinition> lock(String organizationId, String reference) {
        return db.select(COLUMNS).from(ATTRIBUTE_DEFINITIONS)
                .where(ORGANIZATION_ID.eq(organizationId)).and(REFERENCE.eq(reference))
                .forUpdate()
                .fetchOptional(AttributeDefinitionRepository::toDefinition);
    }

    /** The organization's custom definitions in reference order. */
    List<AttributeDefinition> list(String organizationId) {
        return db.select(COLUMNS).from(ATTRIBUTE_DEFINITIONS)
                .where(ORGANIZATION_ID.eq(organizationId))
                .orderBy(REFERENCE)
                .fetch(AttributeDefinitionRepository::toDefinition);
    }

    /** Writes the changeable fields: name, description, allowed values and the multi-valued flag. */
    void update(AttributeDefinition definition) {
        db.update(ATTRIBUTE_DEFINITIONS)
                .set(NAME, definition.name())
                .set(DESCRIPTION, definition.description())
                .set(ALLOWED_VALUES, allowedValuesText(definition.allowedValues()))
                .set(MULTI_VALUED, definition.multiValued())
                .set(UPDATED_AT, definition.updatedAt())
                .where(ORGANIZATION_ID.eq(definition.organizationId())).and(ID.eq(definition.id()))
                .execute();
    }

    /** Deletes the definition; false when the organization has none with that reference. */
    boolean delete(String organizationId, String reference) {
        return db.deleteFrom(ATTRIBUTE_DEFINITIONS)
                .where(ORGANIZATION_ID.eq(organizationId)).and(REFERENCE.eq(reference))
                .execute() > 0;
    }

    private static String allowedValuesText(List<JsonNode> allowedValues) {
        return allowedValues == null ? null : JSON.writeValueAsString(allowedValues);
    }

    private static AttributeDefinition toDefinition(Record r) {
        String allowedValues = r.get(ALLOWED_VALUES);
        return new AttributeDefinition(r.get(ID), r.get(ORGANIZATION_ID), r.get(REFERENCE), r.get(NAME),
                AttributeType.fromWireName(r.get(TYPE)),
                allowedValues == null ? null : JSON.readValue(allowedValues,
                        JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)),
                r.get(MULTI_VALUED), r.get(DESCRIPTION), false, r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
