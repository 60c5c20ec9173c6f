package dev.roster.scim.patch;

import dev.roster.scim.ScimException;
import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.ComparisonOperator;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.PatchPath;
import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Returned;
import dev.roster.scim.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Applies PATCH requests (RFC 7644 §3.5.2.1–3) in the dialects Okta and Entra send, all operations or none. */
public final class PatchEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PRIMARY = "primary";
    private static final String VALUE = "value";

    private final ResourceSchema schema;
    private final ResourceNormalizer normalizer;
    private final FilterEvaluator evaluator;

    public PatchEngine(ResourceSchema schema) {
        this.schema = schema;
        this.normalizer = new ResourceNormalizer(schema);
        this.evaluator = new FilterEvaluator(schema);
    }

    /**
     * The normalized resource after every operation of {@code request}, as a new tree; {@code resource} is not
     * changed. Server-managed readOnly attributes ({@code id}, {@code meta}) are not part of the result.
     */
    public ObjectNode apply(ObjectNode resource, PatchRequest request) {
        ObjectNode working = normalizer.normalize(resource);
        for (PatchOperation operation : request.operations()) {
            switch (operation) {
                case PatchOperation.Add add -> write(working, Mode.ADD, add.path(), add.value());
                case PatchOperation.Replace replace -> write(working, Mode.REPLACE, replace.path(), replace.value());
                case PatchOperation.Remove remove -> remove(working, resolve(remove.path()), remove.value());
            }
        }
        return normalizer.normalize(working);
    }

    private enum Mode { ADD, REPLACE }

    /**
     * A resolved path: {@code extension} is the URN of the extension holding the attribute ({@code null} for the
     * core schema); {@code sub} is the targeted sub-attribute; {@code filter} selects values of a multi-valued one.
     */
    private record Target(String extension, AttributeDefinition attribute, AttributeDefinition sub, Filter filter,
                          String name) {

        boolean isReadOnly() {
            return attribute.mutability() == Mutability.READ_ONLY
                    || sub != null && sub.mutability() == Mutability.READ_ONLY;
        }

        boolean isWriteOnly() {
            return attribute.mutability() == Mutability.WRITE_ONLY
                    || sub != null && sub.mutability() == Mutability.WRITE_ONLY;
        }
    }

    private void write(ObjectNode document, Mode mode, PatchPath path, JsonNode value) {
        if (path != null) {
            Target target = resolve(path);
            if (target.isReadOnly()) {
                throw readOnly(target);
            }
            write(document, mode, target, value);
            return;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("without a path, the value must be an object of attributes");
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String key = member.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            if (!schema.isExtension(key)) {
                // Entra sends dotted and filtered keys here ("name.givenName", "emails[type eq \"work\"].value").
                writeMember(document, mode, PatchPath.parse(key), member.getValue());
                continue;
            }
            String urn = schema.schema(key).orElseThrow().id();
            if (!member.getValue().isObject()) {
                throw ScimException.invalidValue("extension '" + urn + "' must be an object");
            }
            for (Map.Entry<String, JsonNode> extensionMember : member.getValue().properties()) {
                writeMember(document, mode, PatchPath.parse(urn + ":" + extensionMember.getKey()),
                        extensionMember.getValue());
            }
        }
    }

    /**
     * A member of a path-less value: readOnly attributes are ignored there, as in a PUT (RFC 7643 §7), because
     * clients send back what they read. One that is never returned cannot have been read, so it is refused.
     */
    private void writeMember(ObjectNode document, Mode mode, PatchPath path, JsonNode value) {
        Target target = resolve(path);
        if (!target.isReadOnly()) {
            write(document, mode, target, value);
        } else if (target.attribute().returned() == Returned.NEVER) {
            throw readOnly(target);
        }
    }

    private void write(ObjectNode document, Mode mode, Target target, JsonNode value) {
        if (target.isWriteOnly()) {
            return;
        }
        AttributeDefinition attribute = target.attribute();
        if (!attribute.multiValued()) {
            writeSingle(document, mode, target, value);
        } else if (target.filter() == null && target.sub() == null) {
            writeList(document, mode, target, value);
        } else {
            writeSelected(document, mode, target, value);
        }
    }

    private void writeSingle(ObjectNode document, Mode mode, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        JsonNode current = current(document, target);
        if (target.sub() != null) {
            JsonNode normalized = normalizer.normalizeValue(target.sub(), value, target.name());
            if (normalized == null) {
                if (mode == Mode.REPLACE && current instanceof ObjectNode complex) {
                    complex.remove(target.sub().name());
                }
                return;
            }
            ObjectNode complex = current instanceof ObjectNode existing ? existing
                    : container(document, target).putObject(attribute.name());
            setChecked(complex, target.sub(), normalized, target.name());
            return;
        }
        JsonNode normalized = normalizer.normalizeValue(attribute, value, target.name());
        if (normalized == null) {
            if (mode == Mode.REPLACE) {
                unset(document, target);
            }
            return;
        }
        if (current instanceof ObjectNode complex && normalized instanceof ObjectNode given) {
            // RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes not given are left unchanged.
            merge(complex, given, attribute, target.name());
            return;
        }
        checkImmutable(attribute, current, normalized, target.name());
        container(document, target).set(attribute.name(), normalized);
    }

    private void writeList(ObjectNode document, Mode mode, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        JsonNode normalized = normalizer.normalizeValue(attribute, value, target.name());
        if (mode == Mode.REPLACE) {
            if (normalized == null) {
                unset(document, target);
            } else {
                container(document, target).set(attribute.name(), normalized);
            }
            return;
        }
        if (normalized == null) {
            return;
        }
        ArrayNode list = list(document, target);
        Set<JsonNode> touched = identitySet();
        for (JsonNode element : normalized.values()) {
            JsonNode existing = find(list, element);
            if (existing == null) {
                list.add(element);
                touched.add(element);
            } else {
                touched.add(existing);
            }
        }
        clearOtherPrimaries(list, touched);
    }

    private void writeSelected(ObjectNode document, Mode mode, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.sub();
        JsonNode normalized = sub == null ? normalizer.normalizeElement(attribute, value, target.name())
                : normalizer.normalizeValue(sub, value, target.name());
        List<ObjectNode> selected = selected(current(document, target), target);
        if (selected.isEmpty()) {
            ObjectNode created = elementFor(target);
            if (normalized == null) {
                return;
            }
            if (sub == null) {
                created.setAll((ObjectNode) normalized);
            } else {
                created.set(sub.name(), normalized);
            }
            JsonNode element = normalizer.normalizeElement(attribute, created, target.name());
            if (element != null) {
                ArrayNode list = list(document, target);
                list.add(element);
                Set<JsonNode> touched = identitySet();
                touched.add(element);
                clearOtherPrimaries(list, touched);
            }
            return;
        }
        for (ObjectNode element : selected) {
            if (normalized == null) {
                if (mode == Mode.REPLACE && sub != null) {
                    checkImmutable(sub, element.get(sub.name()), null, target.name());
                    element.remove(sub.name());
                }
            } else if (sub == null) {
                merge(element, (ObjectNode) normalized, attribute, target.name());
            } else {
                setChecked(element, sub, normalized, target.name());
            }
        }
        Set<JsonNode> touched = identitySet();
        touched.addAll(selected);
        clearOtherPrimaries((ArrayNode) current(document, target), touched);
    }

    private void remove(ObjectNode document, Target target, JsonNode value) {
        if (target.isReadOnly()) {
            throw readOnly(target);
        }
        JsonNode current = current(document, target);
        if (current == null || target.isWriteOnly()) {
            return;
        }
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.sub();
        if (!attribute.multiValued()) {
            if (sub == null) {
                checkImmutable(attribute, current, null, target.name());
                unset(document, target);
            } else {
                checkImmutable(sub, current.get(sub.name()), null, target.name());
                ((ObjectNode) current).remove(sub.name());
            }
            return;
        }
        ArrayNode list = (ArrayNode) current;
        if (target.filter() == null && sub == null) {
            if (value == null) {
                unset(document, target);
            } else {
                // Entra: {"op":"Remove","path":"members","value":[{"value":"<id>"}]} removes just those members.
                removeListed(list, attribute, normalizer.normalizeValue(attribute, value, target.name()));
            }
            return;
        }
        for (ObjectNode element : selected(list, target)) {
            if (sub == null) {
                removeIdentical(list, element);
            } else {
                checkImmutable(sub, element.get(sub.name()), null, target.name());
                element.remove(sub.name());
            }
        }
    }

    private Target resolve(PatchPath path) {
        AttributePath attributePath = path.attribute();
        String urn = attributePath.schemaUrn();
        AttributeDefinition attribute = schema.attribute(urn, attributePath.attribute())
                .orElseThrow(() -> undefined(attributePath));
        String extension = urn != null && schema.isExtension(urn) ? schema.schema(urn).orElseThrow().id() : null;
        String name = (extension == null ? "" : extension + ":") + attribute.name();
        String subName = attributePath.hasSubAttribute() ? attributePath.subAttribute() : path.subAttribute();
        AttributeDefinition sub = null;
        if (subName != null) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidPath("attribute '" + name + "' has no sub-attribute '" + subName + "'");
            }
            sub = attribute.subAttribute(subName).orElseThrow(
                    () -> ScimException.invalidPath("unknown attribute '" + name + "." + subName + "'"));
        }
        if (path.hasValueFilter()) {
            if (!attribute.multiValued() || !attribute.isComplex()) {
                throw ScimException.invalidPath("a value filter needs a multi-valued complex attribute, '" + name
                        + "' is not one");
            }
            checkFilterPaths(path.valueFilter(), attribute, name);
        }
        return new Target(extension, attribute, sub, path.valueFilter(),
                sub == null ? name : name + "." + sub.name());
    }

    /**
     * A path naming no attribute is invalidPath, unless its schema advises how to define the attribute: then the
     * attribute, not the path, is what the client must fix.
     */
    private ScimException undefined(AttributePath path) {
        Schema advising = path.schemaUrn() == null ? null
                : schema.schema(path.schemaUrn()).filter(s -> s.undefinedAttributeAdvice() != null).orElse(null);
        if (advising == null) {
            return ScimException.invalidPath("unknown attribute '" + path + "'");
        }
        return ScimException.invalidValue(advising.undefinedAttributeDetail(advising.id() + ":" + path.attribute()));
    }

    private static ScimException readOnly(Target target) {
        return ScimException.mutability("attribute '" + target.name() + "' is readOnly");
    }

    private static void checkFilterPaths(Filter filter, AttributeDefinition attribute, String name) {
        switch (filter) {
            case Filter.Comparison comparison -> checkRelative(comparison.path(), attribute, name);
            case Filter.Present present -> checkRelative(present.path(), attribute, name);
            case Filter.And and -> {
                checkFilterPaths(and.left(), attribute, name);
                checkFilterPaths(and.right(), attribute, name);
            }
            case Filter.Or or -> {
                checkFilterPaths(or.left(), attribute, name);
                checkFilterPaths(or.right(), attribute, name);
            }
            case Filter.Not not -> checkFilterPaths(not.inner(), attribute, name);
            case Filter.ValuePath valuePath -> throw ScimException.invalidPath(
                    "a value filter of '" + name + "' cannot contain another value filter");
        }
    }

    private static void checkRelative(AttributePath path, AttributeDefinition attribute, String name) {
        if (path.schemaUrn() != null || path.hasSubAttribute() || attribute.subAttribute(path.attribute()).isEmpty()) {
            throw ScimException.invalidPath("unknown attribute '" + name + "." + path + "' in value filter");
        }
    }

    private List<ObjectNode> selected(JsonNode list, Target target) {
        List<ObjectNode> selected = new ArrayList<>();
        if (list == null) {
            return selected;
        }
        for (JsonNode element : list.values()) {
            if (element instanceof ObjectNode object && (target.filter() == null
                    || evaluator.matchesValue(target.filter(), object, target.attribute()))) {
                selected.add(object);
            }
        }
        return selected;
    }

    /**
     * The element to create when a value filter selects nothing: possible only for a single equality such as
     * {@code emails[type eq "work"]}, which Entra sends before the user has a work email (RFC 7644 §3.5.2.3 would
     * say noTarget).
     */
    private static ObjectNode elementFor(Target target) {
        if (target.filter() instanceof Filter.Comparison comparison
                && comparison.operator() == ComparisonOperator.EQ && !comparison.value().isNull()) {
            AttributeDefinition key = target.attribute().subAttribute(comparison.path().attribute()).orElseThrow();
            ObjectNode created = NODES.objectNode();
            created.set(key.name(), comparison.value());
            return created;
        }
        String filter = target.filter() == null ? "" : "[" + target.filter() + "]";
        throw ScimException.noTarget("no value of '" + target.attribute().name() + "' matches" + filter);
    }

    private void removeListed(ArrayNode list, AttributeDefinition attribute, JsonNode listed) {
        if (listed == null) {
            return;
        }
        AttributeDefinition valueDefinition = attribute.subAttribute(VALUE).orElse(null);
        for (JsonNode item : listed.values()) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (sameElement(list.get(i), item, valueDefinition)) {
                    list.remove(i);
                }
            }
        }
    }

    /** Elements are the same when their {@code value}s are, or, lacking a value to compare, when equal. */
    private static boolean sameElement(JsonNode element, JsonNode item, AttributeDefinition valueDefinition) {
        JsonNode itemValue = item.get(VALUE);
        JsonNode elementValue = element.get(VALUE);
        if (valueDefinition == null || itemValue == null || elementValue == null) {
            return element.equals(item);
        }
        if (!valueDefinition.caseExact() && itemValue.isString() && elementValue.isString()) {
            return itemValue.stringValue().equalsIgnoreCase(elementValue.stringValue());
        }
        return itemValue.equals(elementValue);
    }

    private static void merge(ObjectNode into, ObjectNode given, AttributeDefinition attribute, String name) {
        for (Map.Entry<String, JsonNode> member : given.properties()) {
            AttributeDefinition sub = attribute.subAttribute(member.getKey()).orElseThrow();
            setChecked(into, sub, member.getValue(), name + "." + sub.name());
        }
    }

    private static void setChecked(ObjectNode into, AttributeDefinition definition, JsonNode value, String name) {
        checkImmutable(definition, into.get(definition.name()), value, name);
        into.set(definition.name(), value);
    }

    /** An immutable attribute may be set while it has no value, never changed or removed (RFC 7643 §7). */
    private static void checkImmutable(AttributeDefinition definition, JsonNode current, JsonNode next,
                                       String name) {
        if (definition.mutability() == Mutability.IMMUTABLE && current != null && !current.equals(next)) {
            throw ScimException.mutability("attribute '" + name + "' is immutable");
        }
    }

    /** RFC 7644 §3.5.2: a value made primary takes "primary" away from the others. */
    private static void clearOtherPrimaries(ArrayNode list, Set<JsonNode> touched) {
        if (touched.stream().noneMatch(PatchEngine::isPrimary)) {
            return;
        }
        for (JsonNode element : list.values()) {
            if (!touched.contains(element) && element instanceof ObjectNode object) {
                object.remove(PRIMARY);
            }
        }
    }

    private static boolean isPrimary(JsonNode element) {
        JsonNode primary = element.get(PRIMARY);
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    private static JsonNode find(ArrayNode list, JsonNode element) {
        for (JsonNode existing : list.values()) {
            if (existing.equals(element)) {
                return existing;
            }
        }
        return null;
    }

    private static void removeIdentical(ArrayNode list, JsonNode element) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == element) {
                list.remove(i);
                return;
            }
        }
    }

    private static Set<JsonNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static JsonNode current(ObjectNode document, Target target) {
        JsonNode container = target.extension() == null ? document : document.get(target.extension());
        return container == null ? null : container.get(target.attribute().name());
    }

    private static ObjectNode container(ObjectNode document, Target target) {
        if (target.extension() == null) {
            return document;
        }
        return document.get(target.extension()) instanceof ObjectNode extension ? extension
                : document.putObject(target.extension());
    }

    private static ArrayNode list(ObjectNode document, Target target) {
        return current(document, target) instanceof ArrayNode list ? list
                : container(document, target).putArray(target.attribute().name());
    }

    private static void unset(ObjectNode document, Target target) {
        JsonNode container = target.extension() == null ? document : document.get(target.extension());
        if (container instanceof ObjectNode object) {
            object.remove(target.attribute().name());
        }
    }
}
