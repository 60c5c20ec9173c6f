package dev.roster.scim.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one table of (filter, expected matching User ids) that every filter back end must satisfy
 * (STYLE: one AST, two back ends, one truth table). Users: the RFC 7643 §8.2 full user, an Enterprise
 * User (§8.3 shape, offset timestamps) and a sparse user with empty and null values.
 */
public final class FilterTruthTable {

    public static final String BJENSEN = "2819c223-7f76-453a-919d-413861904646";
    public static final String JSMITH = "8f3c2d15-6b7e-4c8d-9e0f-1a2b3c4d5e6f";
    public static final String ALICE = "c0ffee00-1111-4222-8333-944455556666";

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public record Case(String filter, Set<String> expectedIds) {
        @Override
        public String toString() {
            return filter;
        }
    }

    private FilterTruthTable() {
    }

    /** The User resources as a client sees them, read from {@code src/test/resources}. */
    public static List<JsonNode> users() {
        return List.of(read("/rfc7643/user-full.json"), read("/rfc7643/user-enterprise.json"),
                read("/roster/user-sparse.json"));
    }

    public static List<Case> cases() {
        return List.of(
                // strings: userName is case-insensitive, id and externalId are caseExact
                new Case("userName eq \"bjensen@example.com\"", Set.of(BJENSEN)),
                new Case("userName eq \"BJENSEN@EXAMPLE.COM\"", Set.of(BJENSEN)),
                new Case("USERNAME Eq \"JSMITH\"", Set.of(JSMITH)),
                new Case("userName eq \"alice@acme.com\"", Set.of(ALICE)),
                new Case("externalId eq \"701984\"", Set.of(BJENSEN)),
                new Case("id eq \"" + JSMITH + "\"", Set.of(JSMITH)),
                new Case("id eq \"" + BJENSEN.toUpperCase() + "\"", Set.of()),
                new Case("name.familyName co \"ENS\"", Set.of(BJENSEN)),
                new Case("name.givenName sw \"j\"", Set.of(JSMITH)),
                new Case("userName ew \"@ACME.COM\"", Set.of(ALICE)),
                new Case("userName gt \"c\"", Set.of(JSMITH)),
                new Case("userName lt \"B\"", Set.of(ALICE)),
                new Case("userName ge \"jsmith\"", Set.of(JSMITH)),
                new Case("userName le \"ALICE@ACME.COM\"", Set.of(ALICE)),

                // presence: null, "" and [] are absent
                new Case("title pr", Set.of(BJENSEN)),
                new Case("not (title pr)", Set.of(JSMITH, ALICE)),
                new Case("title eq null", Set.of(JSMITH, ALICE)),
                new Case("title ne null", Set.of(BJENSEN)),
                new Case("nickName eq null", Set.of(JSMITH, ALICE)),
                new Case("emails pr", Set.of(BJENSEN, JSMITH)),
                new Case("name pr", Set.of(BJENSEN, JSMITH)),
                new Case("title ne \"Tour Guide\"", Set.of(JSMITH, ALICE)),

                // booleans
                new Case("active eq true", Set.of(BJENSEN, ALICE)),
                new Case("active eq false", Set.of(JSMITH)),
                new Case("active ne true", Set.of(JSMITH)),

                // multi-valued: any value matches; no sub-attribute means "value"; ne means none equal
                new Case("emails co \"acme\"", Set.of(JSMITH)),
                new Case("emails.type eq \"home\"", Set.of(BJENSEN)),
                new Case("emails ne \"babs@jensen.org\"", Set.of(JSMITH, ALICE)),
                new Case("emails[type eq \"work\" and value co \"@example.com\"]", Set.of(BJENSEN)),
                new Case("emails[type eq \"work\" and primary eq true]", Set.of(BJENSEN, JSMITH)),
                new Case("emails[type eq \"home\" and value co \"acme\"]", Set.of()),
                new Case("emails[type eq \"work\"].value ew \"acme.com\"", Set.of(JSMITH)),
                new Case("emails[not (type eq \"work\")]", Set.of(BJENSEN)),
                new Case("phoneNumbers[type eq \"mobile\"]", Set.of(BJENSEN)),
                new Case("addresses[locality eq \"Hollywood\" and primary eq true]", Set.of(BJENSEN)),
                new Case("addresses.postalCode eq \"91608\"", Set.of(BJENSEN)),
                new Case("groups[display eq \"tour guides\"]", Set.of(BJENSEN)),
                new Case("groups.value eq \"fc348aa8-3835-40eb-a20b-c726e15c55b5\"", Set.of(BJENSEN)),
                new Case("ims[type eq \"aim\"]", Set.of(BJENSEN)),

                // extension attributes live under their URN; core ones may carry the core URN
                new Case(ENTERPRISE + ":department eq \"sales\"", Set.of(JSMITH)),
                new Case(ENTERPRISE + ":employeeNumber pr", Set.of(JSMITH)),
                new Case(ENTERPRISE + ":manager.value eq \"" + BJENSEN + "\"", Set.of(JSMITH)),
                new Case(ENTERPRISE + ":manager eq \"" + BJENSEN + "\"", Set.of(JSMITH)),
                new Case(ENTERPRISE + ":manager.displayName co \"babs\"", Set.of(JSMITH)),
                new Case("not (" + ENTERPRISE + ":department eq \"Sales\")", Set.of(BJENSEN, ALICE)),
                new Case("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"bjensen\"", Set.of(BJENSEN)),

                // dateTime compares instants, not text (jsmith's +02:00 sorts after alice's Z as text)
                new Case("meta.created gt \"2012-03-01T08:00:00Z\"", Set.of(ALICE)),
                new Case("meta.created ge \"2012-03-01T08:00:00Z\"", Set.of(JSMITH, ALICE)),
                new Case("meta.created lt \"2011-01-01T00:00:00Z\"", Set.of(BJENSEN)),
                new Case("meta.created le \"2012-03-01T10:00:00+02:00\"", Set.of(BJENSEN, JSMITH)),
                new Case("meta.lastModified eq \"2012-03-01T10:30:00+02:00\"", Set.of(JSMITH)),

                // logic and precedence
                new Case("userType eq \"Employee\" and not (active eq false)", Set.of(BJENSEN, ALICE)),
                new Case("userType eq \"Contractor\" or emails[type eq \"home\"]", Set.of(BJENSEN, JSMITH)),
                new Case("title pr or userType eq \"Employee\" and active eq false", Set.of(BJENSEN)),
                new Case("(title pr or userType eq \"Employee\") and active eq true", Set.of(BJENSEN, ALICE)),
                new Case("userName pr and not (emails pr)", Set.of(ALICE)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = FilterTruthTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
