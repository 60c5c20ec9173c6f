package dev.roster.scim.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Values of type dateTime (RFC 7643 §2.3.5), which compare as instants whatever their offset. */
public final class DateTimes {

    private DateTimes() {
    }

    /** An xsd:dateTime as an instant; one without an offset is taken as UTC; null when not a dateTime. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                return null;
            }
        }
    }
}
