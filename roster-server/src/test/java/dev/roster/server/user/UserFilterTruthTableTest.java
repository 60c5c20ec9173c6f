package dev.roster.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.ComparisonOperator;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.filter.FilterTruthTable;
import dev.roster.server.common.Ids;
import dev.roster.server.event.EventLog;
import dev.roster.server.event.EventType;
import dev.roster.server.directory.AuthenticatedDirectory;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SQL back end of the filter AST against {@link FilterTruthTable} (STYLE: one AST, two back ends, one
 * truth table): the table's users are stored as they are, with their ids and timestamps, and every case is
 * searched through {@link UserService}, which pushes exact parts to SQL and re-checks the rest in memory.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserFilterTruthTableTest {

    /** The attributes that have a column; a filter over only these must not fall back to a scan. */
    private static final Set<String> COLUMN_ATTRIBUTES = Set.of("username", "externalid", "id", "active",
            "displayname", "name.givenname", "name.familyname", "meta.created", "meta.lastmodified");
    private static final Set<String> DATE_TIME_ATTRIBUTES = Set.of("meta.created", "meta.lastmodified");
    private static final Set<ComparisonOperator> PUSHED_DOWN_OPERATORS = EnumSet.of(ComparisonOperator.EQ,
            ComparisonOperator.NE, ComparisonOperator.CO, ComparisonOperator.SW, ComparisonOperator.EW);

    @Autowired
    private UserService service;

    @Autowired
    private UserRepository users;

    @Autowired
    private DSLContext db;

    @Autowired
    private EventLog events;

    private String directoryId;
    private String organizationId;

    @BeforeAll
    void storeTruthTableUsers() {
        organizationId = Ids.newId("org");
        directoryId = Ids.newId("dir");
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(table(name("organizations")))
                .set(field(name("id")), organizationId)
                .set(field(name("name")), "Truth table " + organizationId)
                .set(field(name("created_at")), now)
                .execute();
        db.insertInto(table(name("directories")))
                .set(field(name("id")), directoryId)
                .set(field(name("organization_id")), organizationId)
                .set(field(name("provider")), "generic")
                .set(field(name("name")), "Truth table")
                .set(field(name("created_at")), now)
                .execute();
        for (JsonNode user : FilterTruthTable.users()) {
            String id = user.get("id").asString();
            ObjectNode document = ((ObjectNode) user.deepCopy());
            document.remove("id");
            document.remove("meta");
            users.insert(directoryId, id, UserColumns.of(document), now, UserResources.serialize(document),
                    events.render(EventType.USER_CREATED, organizationId, directoryId, now, Map.of("id", id)));
            db.update(UserTable.SCIM_USERS)
                    .set(UserTable.CREATED_AT, OffsetDateTime.parse(user.at("/meta/created").asString()))
                    .set(UserTable.LAST_MODIFIED_AT, OffsetDateTime.parse(user.at("/meta/lastModified").asString()))
                    .where(UserTable.DIRECTORY_ID.eq(directoryId)).and(UserTable.ID.eq(id))
                    .execute();
        }
    }

    /** The fixture ids are fixed, so a database that outlives the run must not keep them. */
    @AfterAll
    void removeTruthTableUsers() {
        db.deleteFrom(UserTable.SCIM_USERS).where(UserTable.DIRECTORY_ID.eq(directoryId)).execute();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.roster.scim.filter.FilterTruthTable#cases")
    void searchWhenFilteredThenReturnsExactlyTheTruthTableMatches(FilterTruthTable.Case truth) {
        UserPage page = service.search(new AuthenticatedDirectory(directoryId, organizationId, null),
                new UserQuery(FilterParser.parse(truth.filter()), 1, 1000, null, false, null));

        Set<String> ids = page.resources().stream().map(UserResource::id)
                .collect(Collectors.toSet());
        assertThat(ids).as(truth.filter()).isEqualTo(truth.expectedIds());
        assertThat(page.totalResults()).as(truth.filter()).isEqualTo(truth.expectedIds().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnOnlyCases")
    void translateWhenFilterUsesOnlyColumnsThenIsExact(FilterTruthTable.Case truth) {
        assertThat(UserFilterTranslator.translate(FilterParser.parse(truth.filter())).exact())
                .as(truth.filter()).isTrue();
    }

    /** The cases the SQL must answer on its own: otherwise the scan, not the translation, would be tested. */
    static Stream<FilterTruthTable.Case> columnOnlyCases() {
        return FilterTruthTable.cases().stream().filter(truth -> onlyColumns(FilterParser.parse(truth.filter())));
    }

    private static boolean onlyColumns(Filter filter) {
        return switch (filter) {
            case Filter.Comparison c -> column(c.path()) != null && (PUSHED_DOWN_OPERATORS.contains(c.operator())
                    || DATE_TIME_ATTRIBUTES.contains(column(c.path())));
            case Filter.Present p -> column(p.path()) != null;
            case Filter.And and -> onlyColumns(and.left()) && onlyColumns(and.right());
            case Filter.Or or -> onlyColumns(or.left()) && onlyColumns(or.right());
            case Filter.Not not -> onlyColumns(not.inner());
            case Filter.ValuePath ignored -> false;
        };
    }

    /** The lower-cased core attribute a path names, or null when it names none with a column. */
    private static String column(AttributePath path) {
        if (path.schemaUrn() != null && !path.schemaUrn().equalsIgnoreCase(ScimConstants.USER_SCHEMA)) {
            return null;
        }
        String key = path.attribute().toLowerCase(Locale.ROOT)
                + (path.subAttribute() == null ? "" : "." + path.subAttribute().toLowerCase(Locale.ROOT));
        return COLUMN_ATTRIBUTES.contains(key) ? key : null;
    }
}
