package dev.roster.server.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.common.ListingCursors;
import dev.roster.server.common.Page;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.event.EventLog;
import dev.roster.server.event.EventType;
import dev.roster.server.organization.OrganizationRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of an organization as the management API reads and changes them. */
@Service
public class MemberService {

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final EventLog events;
    private final Clock clock;
    private final String attributeSchema;

    MemberService(MemberRepository members, OrganizationRepository organizations, EventLog events, Clock clock,
                  RosterProperties properties) {
        this.members = members;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
        this.attributeSchema = properties.userAttributeSchema();
    }

    /** Which members a listing shows: {@code status} is active, revoked or all. */
    record Listing(String status, String email, String after, int limit) {
    }

    Page<Member> list(String organizationId, Listing listing) {
        organizations.require(organizationId);
        MemberStatus status = status(listing.status());
        if (listing.email() != null) {
            String key = MemberRepository.emailKey(listing.email().strip());
            List<Member> found = members.candidatesByEmail(organizationId, key, status).stream()
                    .sorted(Comparator.comparingLong(StoredMember::seq))
                    .map(this::view)
                    .filter(member -> key.equals(MemberRepository.emailKey(member.email())))
                    .toList();
            return new Page<>(found, null);
        }
        int pageSize = Page.size(listing.limit());
        return ListingCursors.page(members.page(organizationId, status, ListingCursors.after(listing.after()), pageSize),
                pageSize, StoredMember::seq, this::view);
    }

    Member get(String organizationId, String memberId) {
        organizations.require(organizationId);
        return members.find(organizationId, memberId).map(this::view)
                .orElseThrow(() -> ApiException.notFound("member", memberId));
    }

    /** A member made by hand, which is how an organization gets its first admin. */
    @Transactional
    Member create(String organizationId, String email, String name, String role) {
        organizations.require(organizationId);
        organizations.lock(organizationId);
        if (email == null || !MemberProfile.LOOKS_LIKE_EMAIL.matcher(email.strip()).matches()) {
            throw ApiException.badRequest("'email' is required and must be an email address such as "
                    + "ada@example.com");
        }
        String address = email.strip();
        boolean taken = members.candidatesByEmail(organizationId, address, MemberStatus.ACTIVE).stream()
                .map(this::view)
                .anyMatch(member -> address.equalsIgnoreCase(member.email()));
        if (taken) {
            throw ApiException.conflict("an active member of this organization already has email '" + address
                    + "'; find it with GET ?email= and change its role with PATCH instead");
        }
        String id = Ids.newId("mem");
        members.insertByHand(id, organizationId, address, name == null || name.isBlank() ? null : name.strip(),
                role == null ? MemberRole.MEMBER : MemberRole.fromWireName(role), now());
        Member created = get(organizationId, id);
        events.append(EventType.MEMBER_CREATED, organizationId, null, created);
        return created;
    }

    /** The data of {@code member.role_changed}: the member as it is now, and the role it had before. */
    record RoleChange(@JsonUnwrapped Member member, MemberRole previousRole) {
    }

    /**
     * Grants or revokes admin; any admin may be demoted here, even the last one. Only this method changes a
     * member's role, and it holds the organization's row while it does, so the previous role its event reports
     * is the one the change replaced.
     */
    @Transactional
    Member setRole(String organizationId, String memberId, String role) {
        if (role == null) {
            throw ApiException.badRequest("'role' is required: member or admin");
        }
        MemberRole newRole = MemberRole.fromWireName(role);
        organizations.lock(organizationId);
        Member current = get(organizationId, memberId);
        if (!members.setRole(organizationId, memberId, newRole, now())) {
            throw current.status() == MemberStatus.REVOKED
                    ? ApiException.conflict("member " + memberId + " is revoked and cannot be made admin")
                    : ApiException.notFound("member", memberId);
        }
        Member changed = get(organizationId, memberId);
        if (current.role() != newRole) {
            events.append(EventType.MEMBER_ROLE_CHANGED, organizationId, changed.directoryId(),
                    new RoleChange(changed, current.role()));
        }
        return changed;
    }

    /**
     * The current member of each user, in the order of {@code userIds}: a user reactivated under
     * {@code new_user} has had several, and the latest is the one it is now.
     */
    public List<Member> currentMembersOfUsers(String organizationId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<String, StoredMember> latest = new LinkedHashMap<>();
        members.ofUsers(organizationId, userIds).forEach(member -> latest.put(member.userId(), member));
        return userIds.stream().map(latest::get).filter(Objects::nonNull).map(this::view).toList();
    }

    private Member view(StoredMember member) {
        MemberProfile profile = member.userDocument() == null
                ? new MemberProfile(member.email(), member.name(), MemberProfile.noAttributes())
                : MemberProfile.of(member.userDocument(), attributeSchema);
        return new Member(member.id(), member.organizationId(), member.directoryId(), member.userId(),
                profile.email(), profile.name(), member.role(), member.status(), member.revokedAt(),
                member.revokedReason(), profile.attributes(), member.createdAt(), member.updatedAt());
    }

    private static MemberStatus status(String status) {
        return switch (status == null ? "active" : status.toLowerCase(Locale.ROOT)) {
            case "active" -> MemberStatus.ACTIVE;
            case "revoked" -> MemberStatus.REVOKED;
            case "all" -> null;
            default -> throw ApiException.badRequest("'status' must be active, revoked or all; got '" + status
                    + "'");
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
