package dev.roster.server.directory;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.common.Secrets;
import dev.roster.server.organization.OrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Directories and their SCIM bearer tokens: issued once, stored as hashes, rotated and revoked. */
@Service
public class DirectoryService {

    /** Tokens look like {@code roster_scim_<43 base64url chars>}: 256 random bits. */
    static final String TOKEN_PREFIX = "roster_scim_";
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final DirectoryRepository directories;
    private final DirectoryTokenRepository tokens;
    private final OrganizationRepository organizations;
    private final Clock clock;

    DirectoryService(DirectoryRepository directories, DirectoryTokenRepository tokens,
                     OrganizationRepository organizations, Clock clock) {
        this.directories = directories;
        this.tokens = tokens;
        this.organizations = organizations;
        this.clock = clock;
    }

    public record IssuedToken(DirectoryToken token, String secret) {
    }

    public record CreatedDirectory(Directory directory, IssuedToken token) {
    }

    @Transactional
    public CreatedDirectory create(String organizationId, DirectoryProvider provider, String name) {
        organizations.find(organizationId).orElseThrow(() -> ApiException.notFound("organization", organizationId));
        Directory directory = new Directory(Ids.newId("dir"), organizationId, provider, name, now());
        directories.insert(directory);
        return new CreatedDirectory(directory, issueToken(directory.id()));
    }

    public Directory get(String directoryId) {
        return directories.find(directoryId).orElseThrow(() -> ApiException.notFound("directory", directoryId));
    }

    public List<Directory> list(String organizationId, String afterId, int limit) {
        organizations.find(organizationId).orElseThrow(() -> ApiException.notFound("organization", organizationId));
        return directories.listByOrganization(organizationId, afterId, limit);
    }

    @Transactional
    public IssuedToken issueToken(String directoryId) {
        get(directoryId);
        String secret = Secrets.newSecret(TOKEN_PREFIX);
        DirectoryToken token = new DirectoryToken(Ids.newId("dtk"), directoryId, Secrets.hint(secret, TOKEN_PREFIX),
                now(), null, null);
        tokens.insert(token.id(), directoryId, Secrets.hash(secret), token.hint(), token.createdAt());
        return new IssuedToken(token, secret);
    }

    public List<DirectoryToken> tokens(String directoryId) {
        get(directoryId);
        return tokens.list(directoryId);
    }

    @Transactional
    public void revokeToken(String directoryId, String tokenId) {
        if (!tokens.exists(directoryId, tokenId)) {
            throw ApiException.notFound("token", tokenId);
        }
        tokens.revoke(directoryId, tokenId, now());
    }

    /** The directory a presented SCIM bearer token belongs to, if the token is live; records its use. */
    public Optional<AuthenticatedDirectory> authenticate(String presentedToken) {
        if (!presentedToken.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findLive(Secrets.hash(presentedToken)).map(live -> {
            OffsetDateTime now = now();
            OffsetDateTime staleBefore = now.minus(LAST_USE_RESOLUTION);
            if (live.lastUsedAt() == null || live.lastUsedAt().isBefore(staleBefore)) {
                tokens.recordUse(live.tokenId(), now, staleBefore);
            }
            return new AuthenticatedDirectory(live.directoryId(), live.organizationId(), live.tokenId());
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
