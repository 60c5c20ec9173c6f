package dev.roster.server.group;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.ListingCursors;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import dev.roster.server.member.Member;
import dev.roster.server.member.MemberService;
import dev.roster.server.organization.OrganizationRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Management API reads of the SCIM groups of all an organization's directories, and of their members. */
@ManagementApi
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/groups")
class OrganizationGroupController {

    private final OrganizationGroupRepository groups;
    private final OrganizationRepository organizations;
    private final MemberService members;

    OrganizationGroupController(OrganizationGroupRepository groups, OrganizationRepository organizations,
                                MemberService members) {
        this.groups = groups;
        this.organizations = organizations;
        this.members = members;
    }

    @GetMapping
    Page<OrganizationGroup> list(@PathVariable String organizationId, @RequestParam(required = false) String after,
                                 @RequestParam(defaultValue = "100") int limit) {
        organizations.require(organizationId);
        int pageSize = Page.size(limit);
        return ListingCursors.page(groups.page(organizationId, ListingCursors.after(after), pageSize), pageSize,
                OrganizationGroupRepository.Row::seq, OrganizationGroupRepository.Row::group);
    }

    @GetMapping("/{groupId}")
    OrganizationGroup get(@PathVariable String organizationId, @PathVariable String groupId) {
        organizations.require(organizationId);
        return groups.find(organizationId, groupId).orElseThrow(() -> ApiException.notFound("group", groupId));
    }

    /**
     * The current member of each of the group's users, whatever its status: a deactivated user stays in its
     * groups until the IdP removes it. The cursor is the last user id of the page.
     */
    @GetMapping("/{groupId}/members")
    Page<Member> members(@PathVariable String organizationId, @PathVariable String groupId,
                         @RequestParam(required = false) String after,
                         @RequestParam(defaultValue = "100") int limit) {
        get(organizationId, groupId);
        int pageSize = Page.size(limit);
        List<String> userIds = groups.memberUserIds(groupId, after, pageSize);
        String next = userIds.size() == pageSize ? userIds.getLast() : null;
        return new Page<>(members.currentMembersOfUsers(organizationId, userIds), next);
    }
}
