package dev.roster.scim.discovery;

import static dev.roster.scim.discovery.ServiceProviderSettings.PaginationMethod.CURSOR;
import static dev.roster.scim.discovery.ServiceProviderSettings.PaginationMethod.INDEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.discovery.ServiceProviderSettings.Pagination;
import dev.roster.scim.schema.CoreSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DiscoveryDocumentsTest {

    private static final String BASE_URL = "https://roster.example.com/scim/v2/dir_01";

    @Nested
    class UserSchema {

        private final ObjectNode document = DiscoveryDocuments.schema(CoreSchemas.USER, BASE_URL);

        @Test
        void schemaWhenUserThenIdentifiedAsSchemaResource() {
            assertThat(document.get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:Schema']"));
            assertThat(document.get("id").asString()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
            assertThat(document.get("name").asString()).isEqualTo("User");
            assertThat(document.get("description").asString()).isEqualTo("User Account");
            assertThat(document.get("meta")).isEqualTo(json("{'resourceType': 'Schema', 'location': '" + BASE_URL
                    + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'}"));
        }

        @Test
        void schemaWhenUserThenListsExactlyTheRfc7643Section41AttributesWithoutCommonOnes() {
            assertThat(names(document.get("attributes"))).containsExactly("userName", "name", "displayName",
                    "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone",
                    "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups",
                    "entitlements", "roles", "x509Certificates");
        }

        /** Characteristics as RFC 7643 §8.7.1 publishes them. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                userName          | string    | false | true  | false | readWrite | default | server
                name              | complex   | false | false | false | readWrite | default | none
                displayName       | string    | false | false | false | readWrite | default | none
                nickName          | string    | false | false | false | readWrite | default | none
                profileUrl        | reference | false | false | false | readWrite | default | none
                title             | string    | false | false | false | readWrite | default | none
                userType          | string    | false | false | false | readWrite | default | none
                preferredLanguage | string    | false | false | false | readWrite | default | none
                locale            | string    | false | false | false | readWrite | default | none
                timezone          | string    | false | false | false | readWrite | default | none
                active            | boolean   | false | false | false | readWrite | default | none
                password          | string    | false | false | false | writeOnly | never   | none
                emails            | complex   | true  | false | false | readWrite | default | none
                phoneNumbers      | complex   | true  | false | false | readWrite | default | none
                ims               | complex   | true  | false | false | readWrite | default | none
                photos            | complex   | true  | false | false | readWrite | default | none
                addresses         | complex   | true  | false | false | readWrite | default | none
                groups            | complex   | true  | false | false | readOnly  | default | none
                entitlements      | complex   | true  | false | false | readWrite | default | none
                roles             | complex   | true  | false | false | readWrite | default | none
                x509Certificates  | complex   | true  | false | false | readWrite | default | none
                """)
        void schemaWhenUserThenEveryAttributeHasItsCharacteristics(String name, String type, boolean multiValued,
                                                                  boolean required, boolean caseExact,
                                                                  String mutability, String returned,
                                                                  String uniqueness) {
            JsonNode attribute = attribute(document.get("attributes"), name);

            assertThat(attribute.get("type").asString()).isEqualTo(type);
            assertThat(attribute.get("multiValued").asBoolean()).isEqualTo(multiValued);
            assertThat(attribute.get("required").asBoolean()).isEqualTo(required);
            assertThat(attribute.get("caseExact").asBoolean()).isEqualTo(caseExact);
            assertThat(attribute.get("mutability").asString()).isEqualTo(mutability);
            assertThat(attribute.get("returned").asString()).isEqualTo(returned);
            assertThat(attribute.get("uniqueness").asString()).isEqualTo(uniqueness);
            assertThat(attribute.get("description").asString()).isNotBlank();
            assertThat(attribute.has("subAttributes")).isEqualTo(type.equals("complex"));
            assertThat(attribute.has("referenceTypes")).isEqualTo(type.equals("reference"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                name         | formatted, familyName, givenName, middleName, honorificPrefix, honorificSuffix
                emails       | value, display, type, primary
                phoneNumbers | value, display, type, primary
                addresses    | formatted, streetAddress, locality, region, postalCode, country, type, primary
                groups       | value, $ref, display, type
                """)
        void schemaWhenUserThenComplexAttributesListTheirSubAttributes(String name, String subAttributes) {
            JsonNode attribute = attribute(document.get("attributes"), name);

            assertThat(names(attribute.get("subAttributes"))).containsExactly(subAttributes.split(",\\s*"));
        }

        @Test
        void schemaWhenUserThenSubAttributesCarryCharacteristics() {
            JsonNode emails = attribute(document.get("attributes"), "emails");
            JsonNode groups = attribute(document.get("attributes"), "groups");

            assertThat(attribute(emails.get("subAttributes"), "type").get("canonicalValues"))
                    .isEqualTo(json("['work', 'home', 'other']"));
            assertThat(attribute(emails.get("subAttributes"), "primary").get("type").asString()).isEqualTo("boolean");
            assertThat(attribute(groups.get("subAttributes"), "$ref").get("referenceTypes"))
                    .isEqualTo(json("['User', 'Group']"));
            assertThat(attribute(groups.get("subAttributes"), "value").get("mutability").asString())
                    .isEqualTo("readOnly");
            assertThat(attribute(document.get("attributes"), "profileUrl").get("referenceTypes"))
                    .isEqualTo(json("['external']"));
            assertThat(attribute(document.get("attributes"), "userName").has("canonicalValues")).isFalse();
        }
    }

    @Test
    void schemaWhenEnterpriseUserThenManagerIsComplexWithUserReference() {
        ObjectNode document = DiscoveryDocuments.schema(CoreSchemas.ENTERPRISE_USER, BASE_URL + "/");
        JsonNode manager = attribute(document.get("attributes"), "manager");

        assertThat(names(document.get("attributes"))).containsExactly("employeeNumber", "costCenter",
                "organization", "division", "department", "manager");
        assertThat(names(manager.get("subAttributes"))).containsExactly("value", "$ref", "displayName");
        assertThat(attribute(manager.get("subAttributes"), "$ref").get("referenceTypes")).isEqualTo(json("['User']"));
        assertThat(attribute(manager.get("subAttributes"), "displayName").get("mutability").asString())
                .isEqualTo("readOnly");
        assertThat(document.at("/meta/location").asString()).isEqualTo(
                BASE_URL + "/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    @Test
    void schemaWhenGroupThenMembersListTheirSubAttributes() {
        ObjectNode document = DiscoveryDocuments.schema(CoreSchemas.GROUP, BASE_URL);
        JsonNode members = attribute(document.get("attributes"), "members");

        assertThat(names(document.get("attributes"))).containsExactly("displayName", "members");
        assertThat(attribute(document.get("attributes"), "displayName").get("required").asBoolean()).isTrue();
        assertThat(members.get("multiValued").asBoolean()).isTrue();
        assertThat(names(members.get("subAttributes"))).containsExactly("value", "$ref", "type", "display");
    }

    @Test
    void resourceTypeWhenUserThenListsEnterpriseExtensionAsOptional() {
        assertThat(DiscoveryDocuments.resourceType(CoreSchemas.user(), BASE_URL)).isEqualTo(json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
                 'id': 'User', 'name': 'User', 'endpoint': '/Users', 'description': 'User Account',
                 'schema': 'urn:ietf:params:scim:schemas:core:2.0:User',
                 'schemaExtensions': [
                   {'schema': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', 'required': false}],
                 'meta': {'resourceType': 'ResourceType', 'location': '%s/ResourceTypes/User'}}
                """.formatted(BASE_URL)));
    }

    @Test
    void resourceTypeWhenGroupThenHasNoSchemaExtensions() {
        assertThat(DiscoveryDocuments.resourceType(CoreSchemas.group(), BASE_URL)).isEqualTo(json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
                 'id': 'Group', 'name': 'Group', 'endpoint': '/Groups', 'description': 'Group',
                 'schema': 'urn:ietf:params:scim:schemas:core:2.0:Group',
                 'meta': {'resourceType': 'ResourceType', 'location': '%s/ResourceTypes/Group'}}
                """.formatted(BASE_URL)));
    }

    @Nested
    class ServiceProviderConfig {

        private final Pagination bothMethods =
                new Pagination(true, true, INDEX, 100, 1000, Duration.ofMinutes(10));

        @Test
        void serviceProviderConfigThenAdvertisesEveryFeatureAndRfc9865Pagination() {
            ServiceProviderSettings settings = new ServiceProviderSettings(1000, 1_048_576, 0, true, false, true,
                    false, true, false, "https://roster.example.com/docs/scim", bothMethods);

            assertThat(DiscoveryDocuments.serviceProviderConfig(settings, BASE_URL)).isEqualTo(json("""
                    {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
                     'documentationUri': 'https://roster.example.com/docs/scim',
                     'patch': {'supported': true},
                     'bulk': {'supported': false, 'maxOperations': 0, 'maxPayloadSize': 1048576},
                     'filter': {'supported': true, 'maxResults': 1000},
                     'changePassword': {'supported': false},
                     'sort': {'supported': false},
                     'etag': {'supported': true},
                     'pagination': {'cursor': true, 'index': true, 'defaultPaginationMethod': 'index',
                                    'defaultPageSize': 100, 'maxPageSize': 1000, 'cursorTimeout': 600},
                     'authenticationSchemes': [{'type': 'oauthbearertoken', 'name': 'OAuth Bearer Token',
                        'description': 'A bearer token issued for one directory connection, sent in the \
                    Authorization header.',
                        'specUri': 'https://www.rfc-editor.org/info/rfc6750', 'primary': true}],
                     'meta': {'resourceType': 'ServiceProviderConfig',
                              'location': '%s/ServiceProviderConfig'}}
                    """.formatted(BASE_URL)));
        }

        @Test
        void serviceProviderConfigWhenNoCursorsOrDocumentationThenThoseMembersOmitted() {
            Pagination indexOnly = new Pagination(false, true, INDEX, 50, 200, null);
            ServiceProviderSettings settings = new ServiceProviderSettings(200, 0, 0, false, false, true, false,
                    true, false, null, indexOnly);

            ObjectNode document = DiscoveryDocuments.serviceProviderConfig(settings, BASE_URL);

            assertThat(document.has("documentationUri")).isFalse();
            assertThat(document.get("pagination")).isEqualTo(json("""
                    {'cursor': false, 'index': true, 'defaultPaginationMethod': 'index',
                     'defaultPageSize': 50, 'maxPageSize': 200}
                    """));
        }

        static Stream<Arguments> inconsistentPaginations() {
            return Stream.of(
                    Arguments.of("default method not offered",
                            (ThrowingCallable) () -> new Pagination(false, true, CURSOR, 10, 10, null)),
                    Arguments.of("default page size above maximum",
                            (ThrowingCallable) () -> new Pagination(false, true, INDEX, 11, 10, null)),
                    Arguments.of("zero page size",
                            (ThrowingCallable) () -> new Pagination(false, true, INDEX, 0, 10, null)),
                    Arguments.of("cursor without timeout",
                            (ThrowingCallable) () -> new Pagination(true, true, INDEX, 10, 10, null)),
                    Arguments.of("timeout without cursor", (ThrowingCallable) () ->
                            new Pagination(false, true, INDEX, 10, 10, Duration.ofMinutes(1))),
                    Arguments.of("sub-second timeout", (ThrowingCallable) () ->
                            new Pagination(true, true, INDEX, 10, 10, Duration.ofMillis(500))),
                    Arguments.of("timeout beyond an integer of seconds", (ThrowingCallable) () ->
                            new Pagination(true, true, INDEX, 10, 10, Duration.ofSeconds(1L << 31))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("inconsistentPaginations")
        void paginationWhenInconsistentThenIllegalArgument(String inconsistency, ThrowingCallable construction) {
            assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void listResponseThenOnePageHoldingEveryResource() {
        List<ObjectNode> types = List.of(DiscoveryDocuments.resourceType(CoreSchemas.user(), BASE_URL),
                DiscoveryDocuments.resourceType(CoreSchemas.group(), BASE_URL));

        ObjectNode list = DiscoveryDocuments.listResponse(types);

        assertThat(list.get("schemas")).isEqualTo(json("['urn:ietf:params:scim:api:messages:2.0:ListResponse']"));
        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("Resources")).containsExactlyElementsOf(types);
    }

    @Test
    void listResponseWhenEmptyThenZeroResults() {
        assertThat(DiscoveryDocuments.listResponse(List.of())).isEqualTo(json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
                 'totalResults': 0, 'itemsPerPage': 0, 'startIndex': 1, 'Resources': []}
                """));
    }

    private static List<String> names(JsonNode attributes) {
        List<String> names = new ArrayList<>();
        attributes.values().forEach(attribute -> names.add(attribute.get("name").asString()));
        return names;
    }

    private static JsonNode attribute(JsonNode attributes, String name) {
        return StreamSupport.stream(attributes.values().spliterator(), false)
                .filter(attribute -> attribute.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + name));
    }

    private static JsonNode json(String singleQuoted) {
        return JsonMapper.shared().readTree(singleQuoted.replace('\'', '"'));
    }
}
