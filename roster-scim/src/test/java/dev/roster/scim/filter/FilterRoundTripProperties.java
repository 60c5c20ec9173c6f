package dev.roster.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Printing a filter or PATCH path and parsing it back gives an equal AST (RFC 7644 §3.4.2.2, §3.5.2). */
class FilterRoundTripProperties {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> PATHS = List.of("userName", "name.givenName", "name.familyName",
            "displayName", "title", "active", "emails", "emails.value", "emails.type", "meta.created",
            "meta.lastModified", "id", "externalId", "groups.$ref", "x509Certificates.value",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName", ENTERPRISE + ":department",
            ENTERPRISE + ":manager.value", "urn:roster:params:1.0:UserAttribute:department");

    private static final Map<String, List<String>> MULTI_VALUED = Map.of(
            "emails", List.of("value", "type", "primary", "display"),
            "addresses", List.of("type", "locality", "postalCode", "primary"),
            "groups", List.of("value", "$ref", "display", "type"),
            ENTERPRISE + ":manager", List.of("value", "$ref", "displayName"));

    @Property(tries = 2000)
    void filterPrintsAndParsesBackToEqualAst(@ForAll("filters") Filter filter) {
        assertThat(FilterParser.parse(filter.toString())).isEqualTo(filter);
    }

    @Property(tries = 500)
    void patchPathPrintsAndParsesBackToEqualPath(@ForAll("patchPaths") PatchPath path) {
        assertThat(PatchPath.parse(path.toString())).isEqualTo(path);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return Arbitraries.recursive(() -> Arbitraries.oneOf(attributeExpressions(Arbitraries.of(PATHS)),
                valuePaths()), FilterRoundTripProperties::logic, 0, 4);
    }

    @Provide
    Arbitrary<PatchPath> patchPaths() {
        Arbitrary<PatchPath> plain = Arbitraries.of(PATHS).map(p -> new PatchPath(Ast.path(p), null, null));
        Arbitrary<PatchPath> filtered = Arbitraries.of(MULTI_VALUED.keySet()).flatMap(attribute -> Combinators
                .combine(elementFilter(attribute), Arbitraries.of(MULTI_VALUED.get(attribute)).injectNull(0.5))
                .as((filter, sub) -> new PatchPath(Ast.path(attribute), filter, sub)));
        return Arbitraries.oneOf(plain, filtered);
    }

    private static Arbitrary<Filter> valuePaths() {
        return Arbitraries.of(MULTI_VALUED.keySet()).flatMap(attribute -> elementFilter(attribute)
                .map(inner -> new Filter.ValuePath(Ast.path(attribute), inner)));
    }

    private static Arbitrary<Filter> elementFilter(String attribute) {
        return Arbitraries.recursive(() -> attributeExpressions(Arbitraries.of(MULTI_VALUED.get(attribute))),
                FilterRoundTripProperties::logic, 0, 2);
    }

    private static Arbitrary<Filter> logic(Arbitrary<Filter> operand) {
        return Arbitraries.oneOf(
                Combinators.combine(operand, operand).as(Filter.And::new),
                Combinators.combine(operand, operand).as(Filter.Or::new),
                operand.map(Filter.Not::new));
    }

    private static Arbitrary<Filter> attributeExpressions(Arbitrary<String> paths) {
        Arbitrary<Filter> comparisons = Combinators.combine(paths, Arbitraries.of(ComparisonOperator.class), values())
                .as((path, operator, value) -> new Filter.Comparison(Ast.path(path), operator, value));
        Arbitrary<Filter> presence = paths.map(path -> new Filter.Present(Ast.path(path)));
        return Arbitraries.frequencyOf(Tuple.of(5, comparisons), Tuple.of(1, presence));
    }

    private static Arbitrary<JsonNode> values() {
        Arbitrary<String> awkward = Arbitraries.strings().withChars("\"\\/ \t\n\r\b\f\u0001\u001féü✓[]()").ofMaxLength(12);
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20), awkward)
                .map(NODES::stringNode);
        Arbitrary<JsonNode> integers = Arbitraries.oneOf(Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(30)),
                        new BigInteger("1" + "0".repeat(30))).map(NODES::numberNode));
        Arbitrary<JsonNode> decimals = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(4)
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode));
        Arbitrary<JsonNode> literals = Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.nullNode());
        return Arbitraries.oneOf(strings, integers, decimals, literals);
    }
}
