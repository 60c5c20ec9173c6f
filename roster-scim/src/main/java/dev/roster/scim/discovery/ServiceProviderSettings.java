package dev.roster.scim.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code /ServiceProviderConfig} advertises (RFC 7643 §5), with the RFC 9865 §4 {@code pagination} object.
 * {@code maxPayloadBytes} is the bulk {@code maxPayloadSize}; a null {@code documentationUri} is left out.
 */
public record ServiceProviderSettings(int maxResults, int maxPayloadBytes, int maxOperations, boolean etagSupported,
                                      boolean sortSupported, boolean patchSupported, boolean bulkSupported,
                                      boolean filterSupported, boolean changePasswordSupported,
                                      String documentationUri, Pagination pagination) {

    public ServiceProviderSettings {
        if (maxResults < 1 || maxPayloadBytes < 0 || maxOperations < 0) {
            throw new IllegalArgumentException("maxResults must be positive, bulk limits not negative");
        }
        Objects.requireNonNull(pagination, "pagination");
    }

    /** The two ways a client may page through results: RFC 7644 §3.4.2.4 index, RFC 9865 §2 cursor. */
    public enum PaginationMethod {
        INDEX("index"),
        CURSOR("cursor");

        private final String wireName;

        PaginationMethod(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * RFC 9865 §4 {@code pagination}: the methods offered, the one used when a request names neither, page sizes,
     * and how long a cursor is guaranteed to stay valid (sent in whole seconds; null, and left out, when cursors
     * are off).
     */
    public record Pagination(boolean cursor, boolean index, PaginationMethod defaultPaginationMethod,
                             int defaultPageSize, int maxPageSize, Duration cursorTimeout) {

        public Pagination {
            Objects.requireNonNull(defaultPaginationMethod, "defaultPaginationMethod");
            boolean defaultOffered = switch (defaultPaginationMethod) {
                case INDEX -> index;
                case CURSOR -> cursor;
            };
            if (!defaultOffered) {
                throw new IllegalArgumentException("the default pagination method must be one that is offered");
            }
            if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
                throw new IllegalArgumentException("need 0 < defaultPageSize <= maxPageSize");
            }
            if (cursor != (cursorTimeout != null)) {
                throw new IllegalArgumentException("cursorTimeout is required exactly when cursors are offered");
            }
            if (cursor && (cursorTimeout.toSeconds() < 1 || cursorTimeout.toSeconds() > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("cursorTimeout must be a positive integer of seconds");
            }
        }
    }
}
