package dev.roster.server.attribute;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.organization.OrganizationRepository;
import dev.roster.server.user.StoredAttributeValues;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Custom user attribute definitions of an organization, beside the built-in system attributes. Only
 * compatible changes are allowed once a definition exists, because values stored under it must stay valid.
 */
@Service
public class AttributeDefinitionService {

    static final Pattern REFERENCE = Pattern.compile("[a-z][a-z0-9_]*");
    static final int MAX_REFERENCE_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_DESCRIPTION_LENGTH = 1024;
    static final int MAX_ALLOWED_VALUES = 1000;
    static final int MAX_ALLOWED_STRING_LENGTH = 1024;

    private final AttributeDefinitionRepository definitions;
    private final OrganizationRepository organizations;
    private final StoredAttributeValues storedValues;
    private final String extensionUrn;
    private final Clock clock;

    AttributeDefinitionService(AttributeDefinitionRepository definitions, OrganizationRepository organizations,
                               StoredAttributeValues storedValues, RosterProperties properties, Clock clock) {
        this.definitions = definitions;
        this.organizations = organizations;
        this.storedValues = storedValues;
        this.extensionUrn = properties.userAttributeSchema();
        this.clock = clock;
    }

    /** What a new definition asks for; {@code allowedValues} and {@code multiValued} may be null. */
    public record NewDefinition(String reference, String name, String type, List<JsonNode> allowedValues,
                                Boolean multiValued, String description) {
    }

    /**
     * Changes to a definition, merge-style: a null field is left as it is; JSON null (a NullNode) clears
     * {@code description} or {@code allowedValues} (any value allowed again) and is refused elsewhere.
     */
    public record Changes(JsonNode reference, JsonNode name, JsonNode type, JsonNode allowedValues,
                          JsonNode multiValued, JsonNode description) {
    }

    @Transactional
    public AttributeDefinition create(String organizationId, NewDefinition request) {
        requireOrganization(organizationId);
        String reference = validReference(request.reference());
        AttributeType type;
        try {
            type = AttributeType.fromWireName(request.type());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        OffsetDateTime now = now();
        AttributeDefinition definition = new AttributeDefinition(Ids.newId("attr"), organizationId, reference,
                validName(request.name()), type, validAllowedValues(type, request.allowedValues()),
                Boolean.TRUE.equals(request.multiValued()), validDescription(request.description()), false, now,
                now);
        if (SystemAttributes.isSystem(reference)) {
            throw ApiException.conflict("'reference' '" + reference
                    + "' is a system attribute of every organization; choose another reference");
        }
        if (definitions.find(organizationId, reference).isPresent()) {
            throw referenceTaken(reference);
        }
        try {
            definitions.insert(definition);
        } catch (DuplicateKeyException e) {
            throw referenceTaken(reference);
        }
        return definition;
    }

    /** The system attributes, then the custom ones in reference order. */
    public List<AttributeDefinition> list(String organizationId) {
        requireOrganization(organizationId);
        List<AttributeDefinition> all = new ArrayList<>(SystemAttributes.of(organizationId));
        all.addAll(definitions.list(organizationId));
        return all;
    }

    public AttributeDefinition get(String organizationId, String reference) {
        requireOrganization(organizationId);
        return SystemAttributes.find(organizationId, reference)
                .or(() -> definitions.find(organizationId, reference))
                .orElseThrow(() -> ApiException.notFound("attribute", reference));
    }

    @Transactional
    public AttributeDefinition update(String organizationId, String reference, Changes changes) {
        requireOrganization(organizationId);
        requireCustom(reference);
        AttributeDefinition current = definitions.lock(organizationId, reference)
                .orElseThrow(() -> ApiException.notFound("attribute", reference));
        requireUnchanged("reference", changes.reference(), current.reference());
        requireUnchanged("type", changes.type(), current.type().wireName());

        String name = current.name();
        if (changes.name() != null) {
            if (!changes.name().isString()) {
                throw ApiException.badRequest("'name' must be a string");
            }
            name = validName(changes.name().asString());
        }
        String description = current.description();
        if (changes.description() != null) {
            if (!changes.description().isNull() && !changes.description().isString()) {
                throw ApiException.badRequest("'description' must be a string, or null to remove it");
            }
            description = changes.description().isNull() ? null : validDescription(changes.description().asString());
        }
        boolean multiValued = current.multiValued();
        if (changes.multiValued() != null) {
            if (!changes.multiValued().isBoolean()) {
                throw ApiException.badRequest("'multiValued' must be true or false");
            }
            multiValued = changes.multiValued().booleanValue();
            if (current.multiValued() && !multiValued) {
                throw ApiException.conflict("'multiValued' cannot change from true to false: stored users may have"
                        + " several values; define a new attribute instead");
            }
        }
        List<JsonNode> allowedValues = current.allowedValues();
        if (changes.allowedValues() != null) {
            allowedValues = compatibleAllowedValues(current, changes.allowedValues());
        }
        AttributeDefinition updated = new AttributeDefinition(current.id(), organizationId, current.reference(),
                name, current.type(), allowedValues, multiValued, description, false, current.createdAt(), now());
        definitions.update(updated);
        if (!current.multiValued() && multiValued) {
            storedValues.wrapInArrays(organizationId, extensionUrn, reference);
        }
        return updated;
    }

    /**
     * Deletes a custom definition and, in the same transaction, every user's value of it: values under a deleted
     * attribute are no longer accepted or returned, and never reappear under a new definition of the reference.
     */
    @Transactional
    public void delete(String organizationId, String reference) {
        requireOrganization(organizationId);
        requireCustom(reference);
        if (!definitions.delete(organizationId, reference)) {
            throw ApiException.notFound("attribute", reference);
        }
        storedValues.remove(organizationId, extensionUrn, reference);
    }

    private List<JsonNode> compatibleAllowedValues(AttributeDefinition current, JsonNode requested) {
        if (requested.isNull()) {
            return null;
        }
        if (!requested.isArray()) {
            throw ApiException.badRequest("'enum' must be an array of allowed values, or null to allow any value");
        }
        List<JsonNode> values = new ArrayList<>();
        requested.forEach(values::add);
        values = validAllowedValues(current.type(), values);
        if (current.allowedValues() == null) {
            throw ApiException.conflict("'enum' cannot be added to an attribute that allowed any value: stored"
                    + " values may be outside it; define a new attribute instead");
        }
        Set<String> kept = canonicalValues(current.type(), values);
        List<String> lost = current.allowedValues().stream()
                .filter(value -> !kept.contains(canonicalValue(current.type(), value)))
                .map(JsonNode::toString)
                .toList();
        if (!lost.isEmpty()) {
            throw ApiException.conflict("'enum' cannot drop " + String.join(", ", lost)
                    + ": stored values may use it; keep every existing value and add new ones");
        }
        return values;
    }

    private static String validReference(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw ApiException.badRequest("'reference' is required, for example \"cost_center\"");
        }
        if (reference.length() > MAX_REFERENCE_LENGTH || !REFERENCE.matcher(reference).matches()) {
            throw ApiException.badRequest("'reference' '" + reference + "' must start with a lowercase letter,"
                    + " contain only a-z, 0-9 and _, and be at most " + MAX_REFERENCE_LENGTH
                    + " characters, for example \"cost_center\"");
        }
        return reference;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required and must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("'name' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    private static String validDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.badRequest("'description' must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return description;
    }

    /** The allowed values if they suit the type and are distinct; null stays null (any value allowed). */
    static List<JsonNode> validAllowedValues(AttributeType type, List<JsonNode> values) {
        if (values == null) {
            return null;
        }
        if (type == AttributeType.BOOLEAN) {
            throw ApiException.badRequest("'enum' cannot restrict a boolean attribute; leave it out");
        }
        if (values.isEmpty()) {
            throw ApiException.badRequest("'enum' must list at least one value; leave it out to allow any value");
        }
        if (values.size() > MAX_ALLOWED_VALUES) {
            throw ApiException.badRequest("'enum' may list at most " + MAX_ALLOWED_VALUES + " values");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode value : values) {
            if (!seen.add(canonicalValue(type, value))) {
                throw ApiException.badRequest("'enum' lists " + value + " more than once; list each value once");
            }
        }
        return values;
    }

    private static Set<String> canonicalValues(AttributeType type, List<JsonNode> values) {
        Set<String> canonical = new LinkedHashSet<>();
        values.forEach(value -> canonical.add(canonicalValue(type, value)));
        return canonical;
    }

    /** The value in a form where two spellings of the same value compare equal (1.0 and 1, two offsets). */
    private static String canonicalValue(AttributeType type, JsonNode value) {
        String shown = value == null ? "null" : value.toString();
        switch (type) {
            case STRING -> {
                if (value == null || !value.isString() || value.asString().isBlank()) {
                    throw ApiException.badRequest("'enum' value " + shown
                            + " is not allowed for a string attribute; use non-empty strings");
                }
                if (value.asString().length() > MAX_ALLOWED_STRING_LENGTH) {
                    throw ApiException.badRequest("'enum' values must be at most " + MAX_ALLOWED_STRING_LENGTH
                            + " characters");
                }
                return value.asString();
            }
            case INTEGER -> {
                if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw ApiException.badRequest("'enum' value " + shown
                            + " is not allowed for an integer attribute; use whole numbers such as 1 or 42");
                }
                return Long.toString(value.longValue());
            }
            case NUMBER -> {
                if (value == null || !value.isNumber()) {
                    throw ApiException.badRequest("'enum' value " + shown
                            + " is not allowed for a number attribute; use JSON numbers such as 1.5");
                }
                BigDecimal number = value.decimalValue();
                return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            }
            case DATE_TIME -> {
                if (value != null && value.isString()) {
                    try {
                        return OffsetDateTime.parse(value.asString()).toInstant().toString();
                    } catch (DateTimeParseException e) {
                        // falls through to the error below
                    }
                }
                throw ApiException.badRequest("'enum' value " + shown + " is not allowed for a date-time attribute;"
                        + " use ISO-8601 instants such as \"2024-05-01T09:00:00Z\"");
            }
            case BOOLEAN -> throw ApiException.badRequest("'enum' cannot restrict a boolean attribute; leave it out");
        }
        throw new IllegalStateException("unreachable");
    }

    private static void requireUnchanged(String field, JsonNode requested, String current) {
        if (requested != null && !(requested.isString() && requested.asString().equals(current))) {
            throw ApiException.badRequest("'" + field + "' cannot be changed (it is \"" + current
                    + "\"); define a new attribute and delete this one instead");
        }
    }

    private static void requireCustom(String reference) {
        if (SystemAttributes.isSystem(reference)) {
            throw ApiException.conflict("attribute '" + reference + "' is a system attribute and read-only");
        }
    }

    private void requireOrganization(String organizationId) {
        organizations.find(organizationId).orElseThrow(() -> ApiException.notFound("organization", organizationId));
    }

    private static ApiException referenceTaken(String reference) {
        return ApiException.conflict("'reference' '" + reference
                + "' is already defined in this organization; update it or choose another reference");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
