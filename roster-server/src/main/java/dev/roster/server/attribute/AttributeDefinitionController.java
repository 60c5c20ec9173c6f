package dev.roster.server.attribute;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Management API for an organization's user attributes: custom definitions and the read-only system ones. */
@ManagementApi
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/attributes")
class AttributeDefinitionController {

    private final AttributeDefinitionService attributes;

    AttributeDefinitionController(AttributeDefinitionService attributes) {
        this.attributes = attributes;
    }

    /** Validated by the service, so every error names its field and the fix in one place. */
    record CreateAttribute(String name, String reference, String type,
                           @JsonProperty("enum") List<JsonNode> allowedValues, Boolean multiValued,
                           String description) {
    }

    /** Merge-style: absent fields are unchanged; {@code null} removes {@code description} or {@code enum}. */
    record UpdateAttribute(JsonNode name, JsonNode reference, JsonNode type,
                           @JsonProperty("enum") JsonNode allowedValues, JsonNode multiValued,
                           JsonNode description) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AttributeDefinition create(@PathVariable String organizationId, @RequestBody CreateAttribute request) {
        return attributes.create(organizationId, new AttributeDefinitionService.NewDefinition(request.reference(),
                request.name(), request.type(), request.allowedValues(), request.multiValued(),
                request.description()));
    }

    /** Every attribute in one page: the system attributes first, then the custom ones by reference. */
    @GetMapping
    Page<AttributeDefinition> list(@PathVariable String organizationId) {
        return new Page<>(attributes.list(organizationId), null);
    }

    @GetMapping("/{reference}")
    AttributeDefinition get(@PathVariable String organizationId, @PathVariable String reference) {
        return attributes.get(organizationId, reference);
    }

    @PatchMapping("/{reference}")
    AttributeDefinition update(@PathVariable String organizationId, @PathVariable String reference,
                               @RequestBody UpdateAttribute request) {
        return attributes.update(organizationId, reference, new AttributeDefinitionService.Changes(
                request.reference(), request.name(), request.type(), request.allowedValues(),
                request.multiValued(), request.description()));
    }

    @DeleteMapping("/{reference}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String organizationId, @PathVariable String reference) {
        attributes.delete(organizationId, reference);
    }
}
