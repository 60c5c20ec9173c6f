package dev.roster.server.group;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.selectOne;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.ScimException;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.ComparisonOperator;
import dev.roster.scim.filter.Filter;
import dev.roster.server.common.TextConditions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Translates a SCIM filter on Groups into SQL, exactly: {@code id}, {@code displayName} and {@code externalId}
 * with every string operator and {@code pr}, and membership as {@code members[value eq "…"]},
 * {@code members.value eq "…"} and {@code members pr}, combined with and, or, not. Anything else is an
 * {@code invalidFilter} error, never an empty list that would make an IdP create a duplicate group.
 */
final class GroupFilterTranslator {

    private record Column(Field<String> field, boolean caseExact) {
    }

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", new Column(GroupTable.ID, true),
            "displayname", new Column(GroupTable.DISPLAY_NAME_KEY, false),
            "externalid", new Column(GroupTable.EXTERNAL_ID, true));

    private static final String SUPPORTED = "Groups can be filtered by id, displayName and externalId "
            + "(eq ne co sw ew pr), members[value eq \"<user id>\"] and members pr, combined with and, or, not";

    private static final Map<String, Field<?>> SORT_COLUMNS = Map.of(
            "id", GroupTable.ID,
            "displayname", GroupTable.DISPLAY_NAME_KEY,
            "externalid", GroupTable.EXTERNAL_ID,
            "meta.created", GroupTable.CREATED_AT,
            "meta.lastmodified", GroupTable.LAST_MODIFIED_AT);

    private GroupFilterTranslator() {
    }

    /** The column a {@code sortBy} path orders by; displayName sorts case-insensitively. */
    static Optional<Field<?>> sortColumn(AttributePath path) {
        if (!inGroupSchema(path)) {
            return Optional.empty();
        }
        String key = path.attribute().toLowerCase(Locale.ROOT)
                + (path.hasSubAttribute() ? "." + path.subAttribute().toLowerCase(Locale.ROOT) : "");
        return Optional.ofNullable(SORT_COLUMNS.get(key));
    }

    static Condition translate(Filter filter) {
        if (filter == null) {
            return noCondition();
        }
        return switch (filter) {
            case Filter.Comparison c when isMembers(c.path().withoutSubAttribute()) -> memberValue(c);
            case Filter.Comparison c -> compare(column(c.path()), c.operator(), c);
            case Filter.Present p when isMembers(p.path()) && !p.path().hasSubAttribute() -> hasMembers();
            case Filter.Present p -> present(column(p.path()));
            case Filter.And and -> translate(and.left()).and(translate(and.right()));
            case Filter.Or or -> translate(or.left()).or(translate(or.right()));
            case Filter.Not negation -> not(translate(negation.inner()));
            case Filter.ValuePath valuePath when isMembers(valuePath.attribute()) -> memberValue(valuePath.filter());
            case Filter.ValuePath valuePath -> throw unsupported(valuePath.attribute().toString());
        };
    }

    /** {@code members[value eq "…"]}, {@code members.value eq "…"} or {@code members eq "…"}. */
    private static Condition memberValue(Filter filter) {
        if (!(filter instanceof Filter.Comparison c) || c.operator() != ComparisonOperator.EQ || !c.value().isString()
                || (c.path().hasSubAttribute() ? !c.path().subAttribute().equalsIgnoreCase("value")
                        : !(c.path().attribute().equalsIgnoreCase("value") || isMembers(c.path())))) {
            throw unsupported("members");
        }
        return exists(selectOne().from(GroupTable.MEMBERS)
                .where(GroupTable.MEMBER_GROUP_ID.eq(GroupTable.ID))
                .and(GroupTable.MEMBER_USER_ID.eq(c.value().asString())));
    }

    private static Condition hasMembers() {
        return exists(selectOne().from(GroupTable.MEMBERS).where(GroupTable.MEMBER_GROUP_ID.eq(GroupTable.ID)));
    }

    private static boolean isMembers(AttributePath path) {
        return inGroupSchema(path) && path.attribute().equalsIgnoreCase("members");
    }

    private static boolean inGroupSchema(AttributePath path) {
        return path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(ScimConstants.GROUP_SCHEMA);
    }

    private static Column column(AttributePath path) {
        Column column = inGroupSchema(path) && !path.hasSubAttribute()
                ? COLUMNS.get(path.attribute().toLowerCase(Locale.ROOT))
                : null;
        if (column == null) {
            throw unsupported(path.toString());
        }
        return column;
    }

    private static Condition present(Column column) {
        return column.field().isNotNull().and(column.field().ne(""));
    }

    private static Condition compare(Column column, ComparisonOperator operator, Filter.Comparison c) {
        if (!c.value().isString()) {
            throw ScimException.invalidFilter("'" + c.path() + "' is a string: compare it with a quoted value");
        }
        String value = column.caseExact() ? c.value().asString() : GroupColumns.key(c.value().asString());
        return TextConditions.of(column.field(), operator, value).orElseThrow(() -> ScimException.invalidFilter(
                "'" + operator.name().toLowerCase(Locale.ROOT) + "' is not supported on Groups; " + SUPPORTED));
    }

    private static ScimException unsupported(String attribute) {
        return ScimException.invalidFilter("cannot filter Groups on '" + attribute + "' this way; " + SUPPORTED);
    }
}
