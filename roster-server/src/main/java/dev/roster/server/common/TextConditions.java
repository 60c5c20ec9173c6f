package dev.roster.server.common;

import dev.roster.scim.filter.ComparisonOperator;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;

/** SCIM string comparisons (RFC 7644 §3.4.2.2) as SQL conditions on a text column. */
public final class TextConditions {

    private TextConditions() {
    }

    /**
     * The condition for {@code eq ne co sw ew}; empty for the ordering operators, which stay out of SQL because
     * database collations do not order like RFC 7644's code points.
     */
    public static Optional<Condition> of(Field<String> field, ComparisonOperator operator, String value) {
        return switch (operator) {
            case EQ -> Optional.of(field.eq(value));
            case NE -> Optional.of(field.isNull().or(field.ne(value)));
            case CO -> Optional.of(field.like("%" + escapeLike(value) + "%", '\\'));
            case SW -> Optional.of(field.like(escapeLike(value) + "%", '\\'));
            case EW -> Optional.of(field.like("%" + escapeLike(value), '\\'));
            case GT, GE, LT, LE -> Optional.empty();
        };
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
