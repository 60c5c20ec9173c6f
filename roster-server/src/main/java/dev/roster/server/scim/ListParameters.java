package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.filter.PatchPath;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.user.UserQuery;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Reads the query parameters of a SCIM list request (RFC 7644 §3.4.2, RFC 9865 cursors). */
@Component
public class ListParameters {

    private final int defaultCount;
    private final int maxCount;

    ListParameters(RosterProperties properties) {
        this.defaultCount = properties.scim().defaultPageSize();
        this.maxCount = properties.scim().maxPageSize();
    }

    public UserQuery userQuery(String filter, String startIndex, String count, String sortBy, String sortOrder,
                               String cursor) {
        if (cursor != null && startIndex != null) {
            throw ScimException.invalidValue("use either startIndex or cursor, not both");
        }
        Filter parsedFilter = filter == null || filter.isBlank() ? null : FilterParser.parse(filter);
        long start = Math.max(1, integer("startIndex", startIndex, 1));
        int pageSize = (int) Math.min(maxCount, Math.max(0, integer("count", count, defaultCount)));
        return new UserQuery(parsedFilter, start, pageSize, sortBy(sortBy), descending(sortOrder), cursor);
    }

    private static long integer(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer, got '" + value + "'");
        }
    }

    private static AttributePath sortBy(String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return null;
        }
        PatchPath path;
        try {
            path = PatchPath.parse(sortBy.strip());
        } catch (ScimException e) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' is not an attribute name");
        }
        if (path.valueFilter() != null) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' must name an attribute, not a filter");
        }
        return path.attribute();
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return false;
        }
        return switch (sortOrder.strip().toLowerCase(Locale.ROOT)) {
            case "ascending" -> false;
            case "descending" -> true;
            default -> throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'");
        };
    }
}
