package dev.roster.scim.patch;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.ScimException;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.ComparisonOperator;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.PatchPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Group PATCH (RFC 7644 §3.5.2) split into operations on the group's own attributes, for {@link PatchEngine}
 * with the Group schema, and changes of its membership, which Roster keeps as a relation so that a group of any
 * size is changed without loading its member list.
 */
public record GroupPatchPlan(PatchRequest attributeOperations, List<MemberChange> memberChanges) {

    private static final String HOW_TO_CHANGE_MEMBERS = "add members with {\"op\":\"add\",\"path\":\"members\","
            + "\"value\":[{\"value\":\"<id>\"}]} and remove them with {\"op\":\"remove\","
            + "\"path\":\"members[value eq \\\"<id>\\\"]\"}";

    public GroupPatchPlan {
        memberChanges = List.copyOf(memberChanges);
    }

    /**
     * Splits the request, keeping the order within each part. A malformed member operation is a 400 whose detail
     * names the operation: invalidPath, invalidFilter, invalidValue or invalidSyntax (RFC 7644 §3.12).
     */
    public static GroupPatchPlan of(PatchRequest request) {
        List<PatchOperation> attributeOperations = new ArrayList<>();
        List<MemberChange> memberChanges = new ArrayList<>();
        List<PatchOperation> operations = request.operations();
        for (int index = 0; index < operations.size(); index++) {
            String where = "Operations[" + index + "]";
            switch (operations.get(index)) {
                case PatchOperation.Add add when add.path() == null ->
                        splitPathless(add.value(), PatchOperation.Add::new, where, attributeOperations, memberChanges);
                case PatchOperation.Replace replace when replace.path() == null ->
                        splitPathless(replace.value(), PatchOperation.Replace::new, where, attributeOperations,
                                memberChanges);
                case PatchOperation operation when isMembers(operation.path()) ->
                        memberChanges.add(memberChange(operation, where));
                case PatchOperation operation -> attributeOperations.add(operation);
            }
        }
        return new GroupPatchPlan(new PatchRequest(attributeOperations), memberChanges);
    }

    /** A change of the group's member relation, by user id. */
    public sealed interface MemberChange {

        record Add(List<String> userIds) implements MemberChange {
            public Add {
                userIds = List.copyOf(userIds);
            }
        }

        record Remove(List<String> userIds) implements MemberChange {
            public Remove {
                userIds = List.copyOf(userIds);
            }
        }

        record RemoveAll() implements MemberChange {
        }

        record ReplaceAll(List<String> userIds) implements MemberChange {
            public ReplaceAll {
                userIds = List.copyOf(userIds);
            }
        }
    }

    /**
     * A path-less add or replace (Okta's {@code {"id":…,"displayName":…,"members":[…]}}): each members key is
     * the same operation with path {@code members}, the other keys stay one path-less operation.
     */
    private static void splitPathless(JsonNode value, BiFunction<PatchPath, JsonNode, PatchOperation> kind,
                                      String where, List<PatchOperation> attributeOperations,
                                      List<MemberChange> memberChanges) {
        if (!value.isObject()) {
            attributeOperations.add(kind.apply(null, value)); // PatchEngine rejects it with invalidValue
            return;
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            PatchPath path = PatchPath.parse(member.getKey());
            if (isMembers(path)) {
                memberChanges.add(memberChange(kind.apply(path, member.getValue()), where));
            } else {
                attributes.set(member.getKey(), member.getValue());
            }
        }
        if (!attributes.isEmpty()) {
            attributeOperations.add(kind.apply(null, attributes));
        }
    }

    private static boolean isMembers(PatchPath path) {
        AttributePath attribute = path.attribute();
        return attribute.attribute().equalsIgnoreCase("members")
                && (attribute.schemaUrn() == null
                        || attribute.schemaUrn().equalsIgnoreCase(ScimConstants.GROUP_SCHEMA));
    }

    private static MemberChange memberChange(PatchOperation operation, String where) {
        PatchPath path = operation.path();
        if (operation instanceof PatchOperation.Remove remove && path.hasValueFilter() && path.subAttribute() == null) {
            if (remove.value() != null) {
                throw ScimException.invalidSyntax(where + ": a remove whose path selects members takes no 'value'");
            }
            SequencedSet<String> ids = new LinkedHashSet<>();
            addFilteredIds(path.valueFilter(), ids, where);
            return new MemberChange.Remove(List.copyOf(ids));
        }
        if (path.hasValueFilter() || path.attribute().hasSubAttribute()) {
            throw ScimException.invalidPath(
                    where + ": members cannot be changed through '" + path + "'; " + HOW_TO_CHANGE_MEMBERS);
        }
        return switch (operation) {
            case PatchOperation.Add add -> new MemberChange.Add(ids(add.value(), where));
            // RFC 7644 §3.5.2.3: replace with null unassigns, so the group ends up empty.
            case PatchOperation.Replace replace ->
                    new MemberChange.ReplaceAll(replace.value().isNull() ? List.of() : ids(replace.value(), where));
            // Entra removes members by listing them in the value (RFC 7644 only describes a filter path).
            case PatchOperation.Remove remove -> remove.value() == null ? new MemberChange.RemoveAll()
                    : new MemberChange.Remove(ids(remove.value(), where));
        };
    }

    /** Only {@code value eq "<id>"}, alone or joined by {@code or}, says which members to remove. */
    private static void addFilteredIds(Filter filter, SequencedSet<String> ids, String where) {
        switch (filter) {
            case Filter.Or or -> {
                addFilteredIds(or.left(), ids, where);
                addFilteredIds(or.right(), ids, where);
            }
            case Filter.Comparison comparison when isValueEq(comparison) -> ids.add(comparison.value().stringValue());
            default -> throw ScimException.invalidFilter(where + ": members are selected only by 'value eq \"<id>\"'"
                    + " joined by 'or', not by '" + filter + "'");
        }
    }

    /** The parser keeps value filter paths relative and plain, so the attribute name alone identifies the path. */
    private static boolean isValueEq(Filter.Comparison comparison) {
        return comparison.operator() == ComparisonOperator.EQ && comparison.value().isString()
                && comparison.path().attribute().equalsIgnoreCase("value");
    }

    /** The ids of a list of member objects, or of a single one; a repeated id keeps its first position. */
    private static List<String> ids(JsonNode members, String where) {
        if (members.isObject()) {
            return List.of(id(members, 0, where));
        }
        if (!members.isArray()) {
            throw ScimException.invalidValue(
                    where + ": members must be a list of objects such as {\"value\":\"<id>\"}");
        }
        SequencedSet<String> ids = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode member : members.values()) {
            ids.add(id(member, index++, where));
        }
        return List.copyOf(ids);
    }

    /** The member's {@code value}; {@code display}, {@code $ref} and {@code type} are derived from it, so ignored. */
    private static String id(JsonNode member, int index, String where) {
        if (member.isObject()) {
            for (Map.Entry<String, JsonNode> subAttribute : member.properties()) {
                JsonNode value = subAttribute.getValue();
                if (subAttribute.getKey().equalsIgnoreCase("value") && value.isString()
                        && !value.stringValue().isBlank()) {
                    return value.stringValue();
                }
            }
        }
        throw ScimException.invalidValue(
                where + ": member at index " + index + " must be an object with the member's id as a string 'value'");
    }
}
