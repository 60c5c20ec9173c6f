package dev.roster.server.user;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.ComparisonOperator;
import dev.roster.scim.filter.Filter;
import dev.roster.server.common.TextConditions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import tools.jackson.databind.JsonNode;

/**
 * Translates a SCIM filter into SQL over the {@code scim_users} columns and the email index (the SQL back
 * end of the one filter AST). Parts that have no column, or whose SQL semantics would differ from RFC 7644's, become {@code TRUE}
 * and the translation is marked inexact: the caller then checks every candidate with the in-memory evaluator.
 */
final class UserFilterTranslator {

    /** A condition that selects at least the matching rows; exactly them when {@code exact}. */
    record Translation(Condition condition, boolean exact) {
        static final Translation EVERYTHING_UNCHECKED = new Translation(noCondition(), false);
    }

    /** A filter that is one equality on a column a lookup index covers. */
    record KeyLookup(UserRepository.LookupKey key, String value) {
    }

    private static final Map<String, UserRepository.LookupKey> LOOKUP_KEYS = Map.of(
            "id", UserRepository.LookupKey.ID,
            "username", UserRepository.LookupKey.USER_NAME,
            "externalid", UserRepository.LookupKey.EXTERNAL_ID);

    private enum Kind { CASE_EXACT_STRING, CASE_INSENSITIVE_STRING, BOOLEAN, DATE_TIME }

    private record Column(Field<?> field, Kind kind) {
    }

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", new Column(UserTable.ID, Kind.CASE_EXACT_STRING),
            "username", new Column(UserTable.USER_NAME_KEY, Kind.CASE_INSENSITIVE_STRING),
            "externalid", new Column(UserTable.EXTERNAL_ID, Kind.CASE_EXACT_STRING),
            "active", new Column(UserTable.ACTIVE, Kind.BOOLEAN),
            "displayname", new Column(UserTable.DISPLAY_NAME_KEY, Kind.CASE_INSENSITIVE_STRING),
            "name.givenname", new Column(UserTable.GIVEN_NAME_KEY, Kind.CASE_INSENSITIVE_STRING),
            "name.familyname", new Column(UserTable.FAMILY_NAME_KEY, Kind.CASE_INSENSITIVE_STRING),
            "meta.created", new Column(UserTable.CREATED_AT, Kind.DATE_TIME),
            "meta.lastmodified", new Column(UserTable.LAST_MODIFIED_AT, Kind.DATE_TIME));

    private UserFilterTranslator() {
    }

    static Translation translate(Filter filter) {
        if (filter == null) {
            return new Translation(noCondition(), true);
        }
        return switch (filter) {
            case Filter.Comparison c when isEmailValue(c) -> emailLookup(
                    new Filter.Comparison(AttributePath.of("value"), c.operator(), c.value()));
            case Filter.Comparison c -> column(c.path())
                    .map(column -> compare(column, c.operator(), c.value()))
                    .orElse(Translation.EVERYTHING_UNCHECKED);
            case Filter.Present p -> column(p.path())
                    .map(UserFilterTranslator::present)
                    .orElse(Translation.EVERYTHING_UNCHECKED);
            case Filter.And and -> {
                Translation left = translate(and.left());
                Translation right = translate(and.right());
                yield new Translation(left.condition().and(right.condition()), left.exact() && right.exact());
            }
            case Filter.Or or -> {
                Translation left = translate(or.left());
                Translation right = translate(or.right());
                yield left.exact() && right.exact()
                        ? new Translation(left.condition().or(right.condition()), true)
                        : Translation.EVERYTHING_UNCHECKED;
            }
            case Filter.Not negation -> {
                Translation inner = translate(negation.inner());
                yield inner.exact() ? new Translation(not(inner.condition()), true) : Translation.EVERYTHING_UNCHECKED;
            }
            case Filter.ValuePath valuePath -> isEmails(valuePath.attribute())
                    ? emailLookup(valuePath.filter())
                    : Translation.EVERYTHING_UNCHECKED;
        };
    }

    /**
     * {@code emails[value eq "…" and type eq "…"]}, the form IdPs match users by, as a probe of the email
     * index. Only conjunctions of {@code eq} on value and type, with at least one value, are exact: an
     * email without a value is not indexed.
     */
    private static Translation emailLookup(Filter filter) {
        List<Filter> conjuncts = new ArrayList<>();
        flattenAnd(filter, conjuncts);
        Condition emailCondition = noCondition();
        boolean hasValue = false;
        for (Filter conjunct : conjuncts) {
            if (!(conjunct instanceof Filter.Comparison c) || c.operator() != ComparisonOperator.EQ
                    || !c.value().isString() || c.path().schemaUrn() != null || c.path().hasSubAttribute()) {
                return Translation.EVERYTHING_UNCHECKED;
            }
            String key = UserColumns.key(c.value().asString());
            if (c.path().attribute().equalsIgnoreCase("value")) {
                emailCondition = emailCondition.and(UserTable.EMAIL_VALUE_KEY.eq(key));
                hasValue = true;
            } else if (c.path().attribute().equalsIgnoreCase("type")) {
                emailCondition = emailCondition.and(UserTable.EMAIL_TYPE_KEY.eq(key));
            } else {
                return Translation.EVERYTHING_UNCHECKED;
            }
        }
        if (!hasValue) {
            return Translation.EVERYTHING_UNCHECKED;
        }
        return new Translation(UserTable.ID.in(select(UserTable.EMAIL_USER_ID).from(UserTable.USER_EMAILS)
                .where(emailCondition)), true);
    }

    private static void flattenAnd(Filter filter, List<Filter> conjuncts) {
        if (filter instanceof Filter.And and) {
            flattenAnd(and.left(), conjuncts);
            flattenAnd(and.right(), conjuncts);
        } else {
            conjuncts.add(filter);
        }
    }

    private static boolean isEmails(AttributePath path) {
        return (path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(ScimConstants.USER_SCHEMA))
                && path.attribute().equalsIgnoreCase("emails") && !path.hasSubAttribute();
    }

    /** {@code emails.value eq "…"} or {@code emails eq "…"} (which compares the value sub-attribute). */
    private static boolean isEmailValue(Filter.Comparison c) {
        AttributePath path = c.path();
        return c.operator() == ComparisonOperator.EQ && c.value().isString()
                && isEmails(path.withoutSubAttribute())
                && (!path.hasSubAttribute() || path.subAttribute().equalsIgnoreCase("value"));
    }

    /**
     * The filter as a probe of one lookup index, when it is {@code id}, {@code userName} or {@code externalId}
     * {@code eq} a non-empty string: the lookups IdPs send before creating a user.
     */
    static Optional<KeyLookup> keyLookup(Filter filter) {
        if (!(filter instanceof Filter.Comparison c) || c.operator() != ComparisonOperator.EQ
                || !c.value().isString() || c.value().asString().isEmpty() || c.path().hasSubAttribute()
                || !inCoreSchema(c.path())) {
            return Optional.empty();
        }
        UserRepository.LookupKey key = LOOKUP_KEYS.get(c.path().attribute().toLowerCase(Locale.ROOT));
        if (key == null) {
            return Optional.empty();
        }
        String value = key == UserRepository.LookupKey.USER_NAME ? UserColumns.key(c.value().asString())
                : c.value().asString();
        return Optional.of(new KeyLookup(key, value));
    }

    /** The column to sort by for a {@code sortBy} attribute, if it has one. */
    static Optional<Field<?>> sortColumn(AttributePath path) {
        return column(path).map(Column::field);
    }

    private static Optional<Column> column(AttributePath path) {
        if (!inCoreSchema(path)) {
            return Optional.empty();
        }
        String key = path.attribute().toLowerCase(Locale.ROOT)
                + (path.subAttribute() == null ? "" : "." + path.subAttribute().toLowerCase(Locale.ROOT));
        return Optional.ofNullable(COLUMNS.get(key));
    }

    private static boolean inCoreSchema(AttributePath path) {
        return path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(ScimConstants.USER_SCHEMA);
    }

    private static Translation present(Column column) {
        Condition present = column.field().isNotNull();
        if (column.kind() == Kind.CASE_EXACT_STRING || column.kind() == Kind.CASE_INSENSITIVE_STRING) {
            present = present.and(text(column).ne(""));
        }
        return new Translation(present, true);
    }

    private static Translation compare(Column column, ComparisonOperator operator, JsonNode value) {
        if (value.isNull()) {
            // "eq null" means absent and "ne null" present (RFC 7644 §3.4.2.2), and "" is absent like NULL
            return switch (operator) {
                case EQ -> new Translation(not(present(column).condition()), true);
                case NE -> present(column);
                default -> Translation.EVERYTHING_UNCHECKED;
            };
        }
        return switch (column.kind()) {
            case CASE_EXACT_STRING -> value.isString()
                    ? compareText(text(column), operator, value.asString())
                    : Translation.EVERYTHING_UNCHECKED;
            case CASE_INSENSITIVE_STRING -> value.isString()
                    ? compareText(text(column), operator, UserColumns.key(value.asString()))
                    : Translation.EVERYTHING_UNCHECKED;
            case BOOLEAN -> value.isBoolean() ? compareBoolean(column, operator, value.asBoolean())
                    : Translation.EVERYTHING_UNCHECKED;
            case DATE_TIME -> compareDateTime(column, operator, value);
        };
    }

    /** Ordering of strings stays in memory: database collations do not order like RFC 7644's code points. */
    private static Translation compareText(Field<String> field, ComparisonOperator operator, String value) {
        return TextConditions.of(field, operator, value)
                .map(condition -> new Translation(condition, true))
                .orElse(Translation.EVERYTHING_UNCHECKED);
    }

    @SuppressWarnings("unchecked")
    private static Translation compareBoolean(Column column, ComparisonOperator operator, boolean value) {
        Field<Boolean> field = (Field<Boolean>) column.field();
        return switch (operator) {
            case EQ -> new Translation(field.eq(value), true);
            case NE -> new Translation(field.ne(value), true);
            default -> Translation.EVERYTHING_UNCHECKED;
        };
    }

    @SuppressWarnings("unchecked")
    private static Translation compareDateTime(Column column, ComparisonOperator operator, JsonNode value) {
        if (!value.isString()) {
            return Translation.EVERYTHING_UNCHECKED;
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(value.asString());
        } catch (DateTimeParseException e) {
            return Translation.EVERYTHING_UNCHECKED;
        }
        Field<OffsetDateTime> field = (Field<OffsetDateTime>) column.field();
        return switch (operator) {
            case EQ -> new Translation(field.eq(instant), true);
            case NE -> new Translation(field.ne(instant), true);
            case GT -> new Translation(field.gt(instant), true);
            case GE -> new Translation(field.ge(instant), true);
            case LT -> new Translation(field.lt(instant), true);
            case LE -> new Translation(field.le(instant), true);
            case CO, SW, EW -> Translation.EVERYTHING_UNCHECKED;
        };
    }

    @SuppressWarnings("unchecked")
    private static Field<String> text(Column column) {
        return (Field<String>) column.field();
    }
}
