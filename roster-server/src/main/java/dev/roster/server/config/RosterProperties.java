package dev.roster.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        String secretKey,
        String userAttributeSchema,
        Webhooks webhooks,
        Scim scim,
        Events events) {

    /**
     * Webhook delivery: {@code retrySchedule} is the wait after each failed attempt (its length is the number of
     * retries), {@code disableAfter} how long an endpoint may fail continuously before it is disabled.
     */
    public record Webhooks(boolean allowPrivateNetworks, List<Duration> retrySchedule, Duration disableAfter,
                           Duration timeout, Duration pollInterval) {
    }

    /** Limits advertised in ServiceProviderConfig and enforced on every SCIM request. */
    public record Scim(int defaultPageSize, int maxPageSize, int maxPayloadBytes, Duration cursorTimeout) {
    }

    /** How often the event sequencer looks for other instances' events; its own it sequences at once. */
    public record Events(Duration sequencerInterval) {
    }
}
