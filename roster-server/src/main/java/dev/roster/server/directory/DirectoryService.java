package dev.roster.server.directory;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.common.Secrets;
import dev.roster.server.event.EventLog;
import dev.roster.server.event.EventType;
import dev.roster.server.organization.OrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Directories and their SCIM bearer tokens: issued once, stored as hashes, rotated and revoked. */
@Service
public class DirectoryService {

    /** Tokens look like {@code roster_scim_<43 base64url chars>}: 256 random bits. */
    static final String TOKEN_PREFIX = "roster_scim_";
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    static final Duration LIVE_TOKEN_TTL = Duration.ofSeconds(5);

    /** Live tokens by hash; only tokens that authenticated are kept, so its size is bounded by live tokens. */
    private final Map<String, LiveTokenEntry> liveTokens = new ConcurrentHashMap<>();

    private final DirectoryRepository directories;
    private final DirectoryTokenRepository tokens;
    private final OrganizationRepository organizations;
    private final EventLog events;
    private final Clock clock;

    DirectoryService(DirectoryRepository directories, DirectoryTokenRepository tokens,
                     OrganizationRepository organizations, EventLog events, Clock clock) {
        this.directories = directories;
        this.tokens = tokens;
        this.organizations = organizations;
        this.events = events;
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
        Directory directory = get(directoryId);
        String secret = Secrets.newSecret(TOKEN_PREFIX);
        DirectoryToken token = new DirectoryToken(Ids.newId("dtk"), directoryId, Secrets.hint(secret, TOKEN_PREFIX),
                now(), null, null);
        tokens.insert(token.id(), directoryId, Secrets.hash(secret), token.hint(), token.createdAt());
        events.append(EventType.DIRECTORY_TOKEN_CREATED, directory.organizationId(), directoryId, token);
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
        if (tokens.revoke(directoryId, tokenId, now())) {
            events.append(EventType.DIRECTORY_TOKEN_REVOKED, get(directoryId).organizationId(), directoryId,
                    tokens.find(directoryId, tokenId).orElseThrow());
        }
        liveTokens.values().removeIf(entry -> entry.directory().tokenId().equals(tokenId));
    }

    /**
     * The directory a presented SCIM bearer token belongs to, if the token is live; records its use at most
     * once a minute. Live tokens are remembered for {@link #LIVE_TOKEN_TTL}: a revocation takes effect at
     * once on the instance that revoked, and within that time on the others.
     */
    public Optional<AuthenticatedDirectory> authenticate(String presentedToken) {
        if (!presentedToken.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(presentedToken);
        OffsetDateTime now = now();
        LiveTokenEntry cached = liveTokens.get(hash);
        if (cached == null || cached.checkedAt().isBefore(now.minus(LIVE_TOKEN_TTL))) {
            cached = tokens.findLive(hash)
                    .map(live -> new LiveTokenEntry(
                            new AuthenticatedDirectory(live.directoryId(), live.organizationId(), live.tokenId()),
                            live.lastUsedAt(), now))
                    .orElse(null);
            if (cached == null) {
                liveTokens.remove(hash);
                return Optional.empty();
            }
            liveTokens.put(hash, cached);
        }
        OffsetDateTime staleBefore = now.minus(LAST_USE_RESOLUTION);
        if (cached.lastUsedAt() == null || cached.lastUsedAt().isBefore(staleBefore)) {
            tokens.recordUse(cached.directory().tokenId(), now, staleBefore);
            liveTokens.put(hash, new LiveTokenEntry(cached.directory(), now, cached.checkedAt()));
        }
        return Optional.of(cached.directory());
    }

    private record LiveTokenEntry(AuthenticatedDirectory directory, OffsetDateTime lastUsedAt,
                                  OffsetDateTime checkedAt) {
    }

    /** At the databases' precision, so a token's issuing response and event show what reads of it show. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
