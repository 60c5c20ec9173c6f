package dev.roster.server.member;

import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management API for an organization's members: who they are, their role, and whether they are still members. */
@ManagementApi
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/members")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    /** Validated by the service, so every error names its field and the fix in one place. */
    record CreateMember(@Size(max = 320) String email, @Size(max = 255) String name, String role) {
    }

    record UpdateMember(String role) {
    }

    /** Active members by default; {@code email} finds members by email address, case-insensitively. */
    @GetMapping
    Page<Member> list(@PathVariable String organizationId, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String email, @RequestParam(required = false) String after,
                      @RequestParam(defaultValue = "100") int limit) {
        return members.list(organizationId, new MemberService.Listing(status, email, after, limit));
    }

    @GetMapping("/{memberId}")
    Member get(@PathVariable String organizationId, @PathVariable String memberId) {
        return members.get(organizationId, memberId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Member create(@PathVariable String organizationId, @Valid @RequestBody CreateMember request) {
        return members.create(organizationId, request.email(), request.name(), request.role());
    }

    @PatchMapping("/{memberId}")
    Member update(@PathVariable String organizationId, @PathVariable String memberId,
                  @RequestBody UpdateMember request) {
        return members.setRole(organizationId, memberId, request.role());
    }
}
