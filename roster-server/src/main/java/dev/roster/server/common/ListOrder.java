package dev.roster.server.common;

import dev.roster.scim.ScimException;
import java.util.List;
import org.jooq.Field;
import org.jooq.SortField;

/** The order of a sorted SCIM listing (RFC 7644 §3.4.2.3), the same for Users and Groups. */
public final class ListOrder {

    private ListOrder() {
    }

    /**
     * By {@code column}, values missing last, then by creation sequence, so that equal values keep one
     * stable order across pages.
     */
    public static List<SortField<?>> sortedBy(Field<?> column, boolean descending, Field<Long> seq) {
        SortField<?> primary = descending ? column.desc().nullsLast() : column.asc().nullsLast();
        return List.of(primary, descending ? seq.desc() : seq.asc());
    }

    /** Cursors mark positions in creation order, so they cannot page a listing sorted otherwise. */
    public static ScimException cursorWithSortBy() {
        return ScimException.invalidValue("cursor pagination follows creation order and cannot be combined "
                + "with sortBy; use startIndex and count to page a sorted listing");
    }
}
