package dev.roster.scim.schema;

import static dev.roster.scim.schema.AttributeType.BINARY;
import static dev.roster.scim.schema.AttributeType.BOOLEAN;
import static dev.roster.scim.schema.AttributeType.COMPLEX;
import static dev.roster.scim.schema.AttributeType.DATE_TIME;
import static dev.roster.scim.schema.AttributeType.REFERENCE;
import static dev.roster.scim.schema.AttributeType.STRING;

import dev.roster.scim.ScimConstants;
import java.util.List;

/** The schemas of RFC 7643: common attributes (§3.1), User (§4.1), Group (§4.2), Enterprise User (§4.3). */
public final class CoreSchemas {

    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            AttributeDefinition.builder("id", STRING).caseExact().mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS).uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier of the resource, issued by the service provider.").build(),
            AttributeDefinition.builder("externalId", STRING).caseExact()
                    .description("Identifier of the resource as defined by the provisioning client.").build(),
            AttributeDefinition.builder("meta", COMPLEX).mutability(Mutability.READ_ONLY)
                    .description("Resource metadata.")
                    .subAttributes(
                            readOnly("resourceType", STRING, true, "Name of the resource type."),
                            readOnly("created", DATE_TIME, false, "When the resource was added."),
                            readOnly("lastModified", DATE_TIME, false, "When the resource was last changed."),
                            AttributeDefinition.builder("location", REFERENCE).mutability(Mutability.READ_ONLY)
                                    .caseExact().referenceTypes("uri").description("URI of the resource.").build(),
                            readOnly("version", STRING, true, "Weak ETag of the resource's current version."))
                    .build());

    public static final Schema USER = new Schema(ScimConstants.USER_SCHEMA, "User", "User Account", List.of(
            AttributeDefinition.builder("userName", STRING).required().uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier for the user, used to authenticate; unique per directory, "
                            + "case-insensitively.").build(),
            AttributeDefinition.builder("name", COMPLEX).description("The components of the user's real name.")
                    .subAttributes(
                            string("formatted", "The full name, formatted for display."),
                            string("familyName", "Family name."),
                            string("givenName", "Given name."),
                            string("middleName", "Middle name(s)."),
                            string("honorificPrefix", "Honorific prefix, such as 'Ms.'."),
                            string("honorificSuffix", "Honorific suffix, such as 'III'."))
                    .build(),
            string("displayName", "Name of the user, suitable for display."),
            string("nickName", "Casual name of the user."),
            AttributeDefinition.builder("profileUrl", REFERENCE).referenceTypes("external")
                    .description("URL of the user's online profile.").build(),
            string("title", "The user's title, such as 'Vice President'."),
            string("userType", "Relationship between the organization and the user, such as 'Employee'."),
            string("preferredLanguage", "Preferred written or spoken language, as in Accept-Language."),
            string("locale", "Default location for localization, such as 'en-US'."),
            string("timezone", "Time zone in IANA format, such as 'America/Los_Angeles'."),
            AttributeDefinition.builder("active", BOOLEAN).description("Administrative status of the user.").build(),
            AttributeDefinition.builder("password", STRING).mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER)
                    .description("Accepted in writes, never stored or returned: Roster does not sync passwords.")
                    .build(),
            multiValued("emails", "Email addresses of the user.", STRING, "work", "home", "other"),
            multiValued("phoneNumbers", "Phone numbers of the user.", STRING,
                    "work", "home", "mobile", "fax", "pager", "other"),
            multiValued("ims", "Instant messaging addresses of the user.", STRING,
                    "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            multiValued("photos", "URLs of photos of the user.", REFERENCE, "photo", "thumbnail"),
            AttributeDefinition.builder("addresses", COMPLEX).multiValued().description("Physical mailing addresses.")
                    .subAttributes(
                            string("formatted", "The full mailing address, formatted for display."),
                            string("streetAddress", "Full street address."),
                            string("locality", "City or locality."),
                            string("region", "State or region."),
                            string("postalCode", "Zip code or postal code."),
                            string("country", "Country name, ISO 3166-1 alpha-2 code."),
                            AttributeDefinition.builder("type", STRING).canonicalValues("work", "home", "other")
                                    .description("A label indicating the address' function.").build(),
                            primary())
                    .build(),
            AttributeDefinition.builder("groups", COMPLEX).multiValued().mutability(Mutability.READ_ONLY)
                    .description("Groups the user belongs to; changed through the Group resource.")
                    .subAttributes(
                            readOnly("value", STRING, false, "Identifier of the group."),
                            AttributeDefinition.builder("$ref", REFERENCE).mutability(Mutability.READ_ONLY)
                                    .referenceTypes("User", "Group").description("URI of the group.").build(),
                            readOnly("display", STRING, false, "Display name of the group."),
                            AttributeDefinition.builder("type", STRING).mutability(Mutability.READ_ONLY)
                                    .canonicalValues("direct", "indirect")
                                    .description("Whether membership is direct or indirect.").build())
                    .build(),
            multiValued("entitlements", "Entitlements of the user.", STRING),
            multiValued("roles", "Roles of the user in the client's own vocabulary.", STRING),
            multiValued("x509Certificates", "DER-encoded X.509 certificates of the user.", BINARY)));

    public static final Schema ENTERPRISE_USER = new Schema(ScimConstants.ENTERPRISE_USER_SCHEMA, "EnterpriseUser",
            "Enterprise User", List.of(
                    string("employeeNumber", "Numeric or alphanumeric identifier assigned to the person."),
                    string("costCenter", "Name of a cost center."),
                    string("organization", "Name of an organization."),
                    string("division", "Name of a division."),
                    string("department", "Name of a department."),
                    AttributeDefinition.builder("manager", COMPLEX).description("The user's manager.")
                            .subAttributes(
                                    string("value", "The id of the manager's User resource."),
                                    AttributeDefinition.builder("$ref", REFERENCE).referenceTypes("User")
                                            .description("URI of the manager's User resource.").build(),
                                    readOnly("displayName", STRING, false, "Display name of the manager."))
                            .build()));

    public static final Schema GROUP = new Schema(ScimConstants.GROUP_SCHEMA, "Group", "Group", List.of(
            AttributeDefinition.builder("displayName", STRING).required()
                    .description("Human-readable name of the group.").build(),
            AttributeDefinition.builder("members", COMPLEX).multiValued().description("Members of the group.")
                    .subAttributes(
                            AttributeDefinition.builder("value", STRING).mutability(Mutability.IMMUTABLE)
                                    .description("Identifier of the member.").build(),
                            AttributeDefinition.builder("$ref", REFERENCE).mutability(Mutability.IMMUTABLE)
                                    .referenceTypes("User", "Group").description("URI of the member.").build(),
                            AttributeDefinition.builder("type", STRING).mutability(Mutability.IMMUTABLE)
                                    .canonicalValues("User", "Group").description("Type of the member.").build(),
                            readOnly("display", STRING, false, "Display name of the member."))
                    .build()));

    private CoreSchemas() {
    }

    /** The User resource type: core User schema with the Enterprise User extension. */
    public static ResourceSchema user() {
        return new ResourceSchema("User", "/Users", USER, List.of(ENTERPRISE_USER), COMMON_ATTRIBUTES);
    }

    public static ResourceSchema group() {
        return new ResourceSchema("Group", "/Groups", GROUP, List.of(), COMMON_ATTRIBUTES);
    }

    private static AttributeDefinition string(String name, String description) {
        return AttributeDefinition.builder(name, STRING).description(description).build();
    }

    private static AttributeDefinition readOnly(String name, AttributeType type, boolean caseExact,
                                                String description) {
        AttributeDefinition.Builder builder = AttributeDefinition.builder(name, type)
                .mutability(Mutability.READ_ONLY).description(description);
        return caseExact ? builder.caseExact().build() : builder.build();
    }

    private static AttributeDefinition primary() {
        return AttributeDefinition.builder("primary", BOOLEAN)
                .description("Marks the preferred value; at most one value is primary.").build();
    }

    private static AttributeDefinition multiValued(String name, String description, AttributeType valueType,
                                                   String... canonicalTypes) {
        AttributeDefinition.Builder value = AttributeDefinition.builder("value", valueType)
                .description("The value.");
        if (valueType == REFERENCE) {
            value.referenceTypes("external");
        }
        return AttributeDefinition.builder(name, COMPLEX).multiValued().description(description)
                .subAttributes(
                        value.build(),
                        string("display", "A human-readable name for the value."),
                        AttributeDefinition.builder("type", STRING).canonicalValues(canonicalTypes)
                                .description("A label indicating the value's function.").build(),
                        primary())
                .build();
    }
}
