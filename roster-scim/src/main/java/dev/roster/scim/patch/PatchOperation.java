package dev.roster.scim.patch;

import dev.roster.scim.filter.PatchPath;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** One PATCH operation of RFC 7644 §3.5.2, keyed on its {@code op}; a {@code null} path targets the resource. */
public sealed interface PatchOperation {

    PatchPath path();

    /** RFC 7644 §3.5.2.1; the value is never null. */
    record Add(PatchPath path, JsonNode value) implements PatchOperation {
        public Add {
            Objects.requireNonNull(value);
        }
    }

    /** RFC 7644 §3.5.2.3; the value may be JSON null only with a path, meaning "unassign". */
    record Replace(PatchPath path, JsonNode value) implements PatchOperation {
        public Replace {
            Objects.requireNonNull(value);
        }
    }

    /** RFC 7644 §3.5.2.2; the value, if any, lists the elements of a multi-valued attribute to remove. */
    record Remove(PatchPath path, JsonNode value) implements PatchOperation {
        public Remove {
            Objects.requireNonNull(path);
        }
    }
}
