package dev.roster.scim.filter;

import dev.roster.scim.ScimException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hand-written recursive-descent parser for SCIM filters (RFC 7644 §3.4.2.2) and, through
 * {@link PatchPath#parse}, PATCH paths (RFC 7644 §3.5.2). Errors give the 0-based character position.
 */
public final class FilterParser {

    static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 50;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final Function<String, ScimException> error;
    private int pos;
    private int depth;
    private boolean inValueFilter;

    private FilterParser(String text, Function<String, ScimException> error) {
        this.text = text;
        this.error = error;
    }

    public static Filter parse(String text) {
        FilterParser parser = new FilterParser(text, ScimException::invalidFilter);
        parser.checkSize("filter");
        Filter filter = parser.parseOr();
        parser.expectEnd();
        return filter;
    }

    static PatchPath parsePatchPath(String text) {
        FilterParser parser = new FilterParser(text, ScimException::invalidPath);
        parser.checkSize("path");
        parser.skipSpaces();
        int start = parser.pos;
        AttributePath attribute = parser.parsePath();
        Filter valueFilter = null;
        String subAttribute = null;
        if (parser.peek() == '[') {
            valueFilter = parser.parseValueFilter(attribute, start);
            if (parser.peek() == '.') {
                parser.pos++;
                subAttribute = parser.parseName("a sub-attribute name");
            }
        }
        parser.expectEnd();
        return new PatchPath(attribute, valueFilter, subAttribute);
    }

    private void checkSize(String what) {
        if (text == null || text.isBlank()) {
            throw error.apply("empty " + what);
        }
        if (text.length() > MAX_LENGTH) {
            throw error.apply(what + " longer than " + MAX_LENGTH + " characters");
        }
    }

    private void expectEnd() {
        skipSpaces();
        if (pos < text.length()) {
            throw unexpected();
        }
    }

    private Filter parseOr() {
        Filter filter = parseAnd();
        while (keyword("or")) {
            filter = new Filter.Or(filter, parseAnd());
        }
        return filter;
    }

    private Filter parseAnd() {
        Filter filter = parseUnary();
        while (keyword("and")) {
            filter = new Filter.And(filter, parseUnary());
        }
        return filter;
    }

    private Filter parseUnary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error.apply("expected a filter at position " + pos);
        }
        int start = pos;
        if (peek() == '(') {
            return parseGroup();
        }
        if (text.regionMatches(true, pos, "not", 0, 3)) {
            pos += 3;
            skipSpaces();
            if (peek() == '(') {
                return new Filter.Not(parseGroup());
            }
            pos = start;
        }
        return parseAttributeExpression();
    }

    private Filter parseGroup() {
        int open = pos++;
        enter(open);
        Filter inner = parseOr();
        skipSpaces();
        if (peek() != ')') {
            throw error.apply("expected ')' at position " + pos + " to close '(' at position " + open);
        }
        pos++;
        depth--;
        return inner;
    }

    private Filter parseAttributeExpression() {
        int start = pos;
        AttributePath path = parsePath();
        if (peek() != '[') {
            return parseOperation(path, start);
        }
        Filter inner = parseValueFilter(path, start);
        if (peek() != '.') {
            return new Filter.ValuePath(path, inner);
        }
        // emails[type eq "work"].value eq "x", as Okta sends it, means emails[type eq "work" and value eq "x"].
        pos++;
        int subStart = pos;
        AttributePath sub = AttributePath.of(parseName("a sub-attribute name"));
        return new Filter.ValuePath(path, new Filter.And(inner, parseOperation(sub, subStart)));
    }

    private Filter parseValueFilter(AttributePath attribute, int start) {
        int open = pos;
        if (inValueFilter) {
            throw error.apply("nested value filter at position " + open);
        }
        if (attribute.hasSubAttribute()) {
            throw error.apply("value filter on sub-attribute '" + attribute + "' at position " + start);
        }
        pos++;
        enter(open);
        inValueFilter = true;
        Filter inner = parseOr();
        skipSpaces();
        if (peek() != ']') {
            throw error.apply("expected ']' at position " + pos + " to close '[' at position " + open);
        }
        pos++;
        inValueFilter = false;
        depth--;
        return inner;
    }

    private Filter parseOperation(AttributePath path, int pathStart) {
        skipSpaces();
        int start = pos;
        String word = readWhile(FilterParser::isLetter);
        if (word.isEmpty()) {
            throw error.apply("expected an operator after '" + text.substring(pathStart, start).strip()
                    + "' at position " + start);
        }
        if (word.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        ComparisonOperator operator = ComparisonOperator.fromKeyword(word).orElseThrow(() -> error.apply(
                path.toString().equalsIgnoreCase("not")
                        ? "expected '(' after 'not' at position " + start
                        : "unknown operator '" + word + "' at position " + start));
        skipSpaces();
        return new Filter.Comparison(path, operator, parseValue(word));
    }

    private JsonNode parseValue(String operator) {
        int start = pos;
        if (start >= text.length()) {
            throw error.apply("expected a value after '" + operator + "' at position " + start);
        }
        char c = peek();
        if (c == '"') {
            return NODES.stringNode(parseString());
        }
        if (c == '-' || isDigit(c)) {
            return parseNumber();
        }
        String word = readWhile(FilterParser::isNameChar);
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return NODES.booleanNode(word.equalsIgnoreCase("true"));
        }
        if (word.equalsIgnoreCase("null")) {
            return NODES.nullNode();
        }
        pos = start;
        throw error.apply("expected a string, number, true, false or null at position " + start);
    }

    private String parseString() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c < 0x20) {
                throw error.apply("control character in string at position " + pos);
            }
            if (c != '\\') {
                value.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos + 1);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append(parseUnicodeEscape());
                    continue;
                }
                default -> throw error.apply("invalid escape '\\" + escaped + "' at position " + pos);
            }
            pos += 2;
        }
        throw error.apply("unterminated string starting at position " + start);
    }

    private char parseUnicodeEscape() {
        int start = pos;
        if (start + 6 > text.length()) {
            throw error.apply("invalid unicode escape at position " + start);
        }
        int code = 0;
        for (int i = start + 2; i < start + 6; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw error.apply("invalid unicode escape at position " + start);
            }
            code = code * 16 + digit;
        }
        pos = start + 6;
        return (char) code;
    }

    /** JSON number syntax (RFC 8259 §6): integers become integral nodes, anything else a decimal. */
    private JsonNode parseNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (readWhile(FilterParser::isDigit).isEmpty()) {
            throw error.apply("invalid number at position " + start);
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (readWhile(FilterParser::isDigit).isEmpty()) {
                throw error.apply("invalid number at position " + start);
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (readWhile(FilterParser::isDigit).isEmpty()) {
                throw error.apply("invalid number at position " + start);
            }
        }
        if (isNameChar(peek())) {
            throw error.apply("invalid number at position " + start);
        }
        String number = text.substring(start, pos);
        try {
            return integral ? NODES.numberNode(new BigInteger(number)) : NODES.numberNode(new BigDecimal(number));
        } catch (NumberFormatException e) {
            throw error.apply("number out of range at position " + start);
        }
    }

    /**
     * {@code [URN ":"] ATTRNAME ["." ATTRNAME]}. The URN ends at the last ':' because URNs hold dots
     * ({@code 2.0}) and colons but attribute names hold neither.
     */
    private AttributePath parsePath() {
        int start = pos;
        String token = readWhile(c -> isNameChar(c) || c == '.' || c == ':');
        if (token.isEmpty()) {
            throw pos < text.length() ? unexpected() : error.apply("expected an attribute path at position " + pos);
        }
        int colon = token.lastIndexOf(':');
        String urn = null;
        if (colon >= 0) {
            urn = token.substring(0, colon);
            if (!urn.regionMatches(true, 0, "urn:", 0, 4) || urn.length() == 4) {
                throw error.apply("invalid schema URN '" + urn + "' at position " + start);
            }
            if (inValueFilter) {
                throw error.apply("schema URN inside a value filter at position " + start);
            }
        }
        int nameStart = start + colon + 1;
        pos = nameStart;
        String attribute = parseName("an attribute name");
        String subAttribute = null;
        if (peek() == '.') {
            pos++;
            subAttribute = parseName("a sub-attribute name");
            if (inValueFilter) {
                throw error.apply("sub-attribute inside a value filter at position " + nameStart);
            }
        }
        if (peek() == '.') {
            throw unexpected();
        }
        return new AttributePath(urn, attribute, subAttribute);
    }

    /** {@code ATTRNAME = ALPHA *(nameChar)}, plus {@code $ref} (RFC 7643 §2.1, §7). */
    private String parseName(String expected) {
        int start = pos;
        if (text.regionMatches(true, pos, "$ref", 0, 4) && !isNameChar(charAt(pos + 4))) {
            pos += 4;
            return text.substring(start, pos);
        }
        if (!isLetter(peek())) {
            throw error.apply("expected " + expected + " at position " + start);
        }
        return readWhile(c -> isNameChar(c) && c != '$');
    }

    /** Consumes {@code and}/{@code or} when it comes next as a whole word. */
    private boolean keyword(String word) {
        int start = pos;
        skipSpaces();
        if (text.regionMatches(true, pos, word, 0, word.length()) && !isNameChar(charAt(pos + word.length()))) {
            pos += word.length();
            return true;
        }
        pos = start;
        return false;
    }

    private void enter(int position) {
        if (++depth > MAX_DEPTH) {
            throw error.apply("nested deeper than " + MAX_DEPTH + " levels at position " + position);
        }
    }

    private ScimException unexpected() {
        String token = readWhile(FilterParser::isNameChar);
        return error.apply("unexpected '" + (token.isEmpty() ? String.valueOf(peek()) : token) + "' at position "
                + (pos - token.length()));
    }

    private String readWhile(CharPredicate predicate) {
        int start = pos;
        while (pos < text.length() && predicate.test(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private char peek() {
        return charAt(pos);
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '$';
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }
}
