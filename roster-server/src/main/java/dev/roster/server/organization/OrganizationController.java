package dev.roster.server.organization;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management API for organizations, the application's customers. */
@ManagementApi
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    private final OrganizationRepository organizations;
    private final Clock clock;

    OrganizationController(OrganizationRepository organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    record CreateOrganization(@NotBlank @Size(max = 255) String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Organization create(@Valid @RequestBody CreateOrganization request) {
        Organization organization = new Organization(Ids.newId("org"), request.name().strip(),
                ReactivationPolicy.RESTORE, OffsetDateTime.now(clock));
        organizations.insert(organization);
        return organization;
    }

    @GetMapping("/{organizationId}")
    Organization get(@PathVariable String organizationId) {
        return organizations.require(organizationId);
    }

    /** Merge-style: absent fields are unchanged. */
    record UpdateOrganization(@Size(max = 255) String name, String reactivationPolicy) {
    }

    /** The row is locked from read to write, so two concurrent PATCHes of different fields both take effect. */
    @PatchMapping("/{organizationId}")
    @Transactional
    Organization update(@PathVariable String organizationId, @Valid @RequestBody UpdateOrganization request) {
        organizations.lock(organizationId);
        Organization current = get(organizationId);
        if (request.name() != null && request.name().isBlank()) {
            throw ApiException.badRequest("'name' must not be blank");
        }
        Organization updated = new Organization(organizationId,
                request.name() == null ? current.name() : request.name().strip(),
                request.reactivationPolicy() == null ? current.reactivationPolicy()
                        : ReactivationPolicy.fromWireName(request.reactivationPolicy()),
                current.createdAt());
        organizations.update(updated);
        return updated;
    }

    @GetMapping
    Page<Organization> list(@RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Page.size(limit);
        return Page.of(organizations.list(after, pageSize), pageSize, Organization::id);
    }
}
