package dev.roster.server.member;

import dev.roster.scim.ScimException;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.organization.OrganizationRepository;
import dev.roster.server.organization.ReactivationPolicy;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * What SCIM user writes do to the organization's members (a create's member is {@link NewScimMember}). Each
 * method is the one place where its change happens, and so where its event will be written. Each runs in the
 * transaction of the user write that calls it, so a failure here (a 409 for the last admin) undoes that write
 * too.
 */
@Component
public class MemberLifecycle {

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final String attributeSchema;

    MemberLifecycle(MemberRepository members, OrganizationRepository organizations, RosterProperties properties) {
        this.members = members;
        this.organizations = organizations;
        this.attributeSchema = properties.userAttributeSchema();
    }

    /** {@code active} went from true to false: the user's member is revoked. */
    public void userDeactivated(String userId, OffsetDateTime now) {
        if (!members.revokeCurrentPlainMember(userId, RevocationReason.DEACTIVATED, now)) {
            members.currentOfUser(userId).ifPresent(member -> revoke(member, RevocationReason.DEACTIVATED, now));
        }
    }

    /**
     * {@code active} went from false to true: under the organization's {@link ReactivationPolicy}, its revoked
     * member comes back ({@code restore}), or a new member is made ({@code new_user}).
     */
    public void userReactivated(String directoryId, String userId, OffsetDateTime now) {
        if (members.restoreCurrentMember(userId, now)) {
            return;
        }
        boolean stillActive = members.currentOfUser(userId)
                .map(member -> member.status() == MemberStatus.ACTIVE)
                .orElse(false);
        if (!stillActive) {
            members.insertForUser(NewScimMember.of(directoryId, userId, true, now));
        }
    }

    /**
     * The SCIM user is deleted: its member, if still active, is revoked, and every member it had keeps the
     * email and name it can no longer read from the user.
     */
    public void userDeleted(String userId, String userDocument, OffsetDateTime now) {
        members.currentOfUser(userId).ifPresent(member -> revoke(member, RevocationReason.DELETED, now));
        members.snapshotProfile(userId, MemberProfile.of(userDocument, attributeSchema));
    }

    private void revoke(StoredMember member, RevocationReason reason, OffsetDateTime now) {
        if (member.status() != MemberStatus.ACTIVE) {
            return;
        }
        if (member.role() == MemberRole.ADMIN) {
            organizations.lock(member.organizationId());
            if (!members.hasOtherActiveAdmin(member.organizationId(), member.id())) {
                throw new ScimException(409, null, "this user is member " + member.id() + ", the last admin of "
                        + "organization " + member.organizationId() + "; grant admin to another member through "
                        + "the management API first (PATCH /api/v1/organizations/" + member.organizationId()
                        + "/members/{memberId} {\"role\":\"admin\"})");
            }
        }
        members.revoke(member.id(), reason, now);
    }
}
