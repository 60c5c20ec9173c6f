package dev.roster.scim.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One attribute of a schema with the characteristics of RFC 7643 §2.2 and §7. Sub-attributes are
 * present only for {@link AttributeType#COMPLEX}. {@code canonicalValues} are suggestions (RFC 7643 §7) unless
 * {@code restrictedToCanonicalValues}, when a value must be one of them; they are the values' text, e.g.
 * {@code "42"} for an integer.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        boolean restrictedToCanonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes,
        String description) {

    public AttributeDefinition {
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
    }

    /**
     * Hashes the identifying fields only: definitions are map keys on hot paths, and the record's default
     * hash would walk every sub-attribute and description each time. Consistent with {@code equals}.
     */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type.hashCode();
    }

    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** Attribute names are case-insensitive (RFC 7643 §2.1). */
    public boolean hasName(String candidate) {
        return name.equalsIgnoreCase(candidate);
    }

    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.hasName(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Builder with the defaults of RFC 7643 §2.2. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private boolean restrictedToCanonicalValues;
        private List<String> referenceTypes = List.of();
        private List<AttributeDefinition> subAttributes = List.of();
        private String description = "";

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        /** Allows only these values (their text, e.g. {@code "42"}), compared by meaning. */
        public Builder allowedValues(List<String> values) {
            this.canonicalValues = List.copyOf(values);
            this.restrictedToCanonicalValues = true;
            return this;
        }

        public Builder referenceTypes(String... values) {
            this.referenceTypes = List.of(values);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... values) {
            this.subAttributes = List.of(values);
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, returned,
                    uniqueness, canonicalValues, restrictedToCanonicalValues, referenceTypes, subAttributes,
                    description);
        }
    }
}
