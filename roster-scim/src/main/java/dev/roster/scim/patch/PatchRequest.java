package dev.roster.scim.patch;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.ScimException;
import dev.roster.scim.filter.PatchPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A PATCH request body (RFC 7644 §3.5.2): the operations in the order they apply. */
public record PatchRequest(List<PatchOperation> operations) {

    public PatchRequest {
        operations = List.copyOf(operations);
    }

    /** Parses the body; Entra's capitalised ops and member names are accepted, anything unknown is rejected. */
    public static PatchRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("a PATCH body must be a JSON object");
        }
        JsonNode schemas = member(body, "schemas");
        if (schemas != null && !containsPatchOp(schemas)) {
            throw ScimException.invalidSyntax("'schemas' must contain " + ScimConstants.PATCH_OP_SCHEMA);
        }
        JsonNode operations = member(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("'Operations' must be a non-empty array");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        int index = 0;
        for (JsonNode operation : operations.values()) {
            parsed.add(operation(operation, index++));
        }
        return new PatchRequest(parsed);
    }

    private static PatchOperation operation(JsonNode operation, int index) {
        String where = "Operations[" + index + "]";
        if (!operation.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object");
        }
        JsonNode op = member(operation, "op");
        if (op == null || !op.isString()) {
            throw ScimException.invalidSyntax(where + " needs an 'op' of add, replace or remove");
        }
        PatchPath path = path(member(operation, "path"), where);
        JsonNode value = member(operation, "value");
        return switch (op.stringValue().toLowerCase(Locale.ROOT)) {
            case "add" -> {
                if (value == null || value.isNull()) {
                    throw ScimException.invalidSyntax(where + ": add needs a 'value'");
                }
                yield new PatchOperation.Add(path, value);
            }
            case "replace" -> {
                if (value == null || value.isNull() && path == null) {
                    throw ScimException.invalidSyntax(where + ": replace needs a 'value'");
                }
                yield new PatchOperation.Replace(path, value);
            }
            case "remove" -> {
                if (path == null) {
                    throw ScimException.noTarget(where + ": remove needs a 'path'");
                }
                yield new PatchOperation.Remove(path, value == null || value.isNull() ? null : value);
            }
            default -> throw ScimException.invalidSyntax(
                    where + ": unknown op '" + op.stringValue() + "', expected add, replace or remove");
        };
    }

    private static PatchPath path(JsonNode path, String where) {
        if (path == null || path.isNull()) {
            return null;
        }
        if (!path.isString()) {
            throw ScimException.invalidSyntax(where + ": 'path' must be a string");
        }
        return PatchPath.parse(path.stringValue());
    }

    private static boolean containsPatchOp(JsonNode schemas) {
        if (!schemas.isArray()) {
            return false;
        }
        for (JsonNode urn : schemas.values()) {
            if (urn.isString() && urn.stringValue().equalsIgnoreCase(ScimConstants.PATCH_OP_SCHEMA)) {
                return true;
            }
        }
        return false;
    }

    /** Member names of the PatchOp message are matched case-insensitively, as Entra spells some differently. */
    private static JsonNode member(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                return member.getValue();
            }
        }
        return null;
    }
}
