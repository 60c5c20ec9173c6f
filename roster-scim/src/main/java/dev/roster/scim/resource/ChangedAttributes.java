package dev.roster.scim.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attributes that differ between two versions of a resource, named by their attribute paths (RFC 7644
 * §3.10): {@code title}, {@code name.givenName} for a sub-attribute, {@code emails} for a multi-valued attribute
 * as a whole, {@code urn:…:User:department} for an extension attribute. Both versions must be normalized
 * documents, whose attribute names are spelled the same way; {@code schemas}, {@code id} and {@code meta} are
 * not attributes that change.
 */
public final class ChangedAttributes {

    private static final Set<String> NOT_CHANGED_BY_WRITES = Set.of("schemas", "id", "meta");

    private ChangedAttributes() {
    }

    /** The changed paths, in the order the attributes appear in {@code before} and then in {@code after}. */
    public static List<String> between(ObjectNode before, ObjectNode after) {
        List<String> changed = new ArrayList<>();
        for (String name : names(before, after)) {
            if (NOT_CHANGED_BY_WRITES.contains(name)) {
                continue;
            }
            JsonNode old = before.get(name);
            JsonNode next = after.get(name);
            if (name.startsWith("urn:") && old instanceof ObjectNode oldExtension
                    && next instanceof ObjectNode nextExtension) {
                for (String attribute : names(oldExtension, nextExtension)) {
                    compare(name + ":" + attribute, oldExtension.get(attribute), nextExtension.get(attribute),
                            changed);
                }
            } else {
                compare(name, old, next, changed);
            }
        }
        return changed;
    }

    /** Sub-attributes of a complex attribute present in both versions are told apart; anything else is whole. */
    private static void compare(String path, JsonNode old, JsonNode next, List<String> changed) {
        if (old instanceof ObjectNode oldComplex && next instanceof ObjectNode nextComplex) {
            for (String sub : names(oldComplex, nextComplex)) {
                if (!equal(oldComplex.get(sub), nextComplex.get(sub))) {
                    changed.add(path + "." + sub);
                }
            }
        } else if (!equal(old, next)) {
            changed.add(path);
        }
    }

    private static boolean equal(JsonNode old, JsonNode next) {
        return old == null ? next == null : old.equals(next);
    }

    private static Set<String> names(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        return names;
    }
}
