package dev.roster.server.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Roster's deployment settings; each is also an environment variable ({@code ROSTER_PUBLIC_URL},
 * {@code ROSTER_DATA_DIR}, {@code ROSTER_ADMIN_API_KEY}, ...), as listed in the README.
 */
@ConfigurationProperties("roster")
public record RosterProperties(
        String publicUrl,
        Path dataDir,
        String adminApiKey,
        String userAttributeSchema,
        Webhooks webhooks,
        Scim scim,
        Events events) {

    public record Webhooks(boolean allowPrivateNetworks) {
    }

    /** Limits advertised in ServiceProviderConfig and enforced on every SCIM request. */
    public record Scim(int defaultPageSize, int maxPageSize, int maxPayloadBytes, Duration cursorTimeout) {
    }

    /** How often the event sequencer looks for other instances' events; its own it sequences at once. */
    public record Events(Duration sequencerInterval) {
    }
}
