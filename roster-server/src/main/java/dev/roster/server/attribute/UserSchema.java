package dev.roster.server.attribute;

import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.ResourceSchema;

/** A User resource schema with the protocol machinery that checks writes, patches and filters against it. */
public record UserSchema(ResourceSchema schema, ResourceNormalizer normalizer, PatchEngine patchEngine,
                         FilterEvaluator evaluator) {

    public static UserSchema of(ResourceSchema schema) {
        return new UserSchema(schema, new ResourceNormalizer(schema), new PatchEngine(schema),
                new FilterEvaluator(schema));
    }
}
