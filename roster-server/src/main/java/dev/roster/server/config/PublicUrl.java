package dev.roster.server.config;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The external base URL used in {@code scimBaseUrl} and {@code meta.location}: {@code ROSTER_PUBLIC_URL},
 * or {@code http://localhost:<port>} once the server knows its port.
 */
@Component
public class PublicUrl {

    private final String configured;
    private volatile String base;

    public PublicUrl(RosterProperties properties) {
        this.configured = stripTrailingSlash(properties.publicUrl());
        this.base = configured;
    }

    @EventListener
    void onWebServerReady(WebServerInitializedEvent event) {
        if (configured == null) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    public String base() {
        return base;
    }

    public String scimBaseUrl(String directoryId) {
        return base + "/scim/v2/" + directoryId;
    }

    private static String stripTrailingSlash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
