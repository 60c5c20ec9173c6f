package dev.roster.server.webhook;

import dev.roster.server.config.RosterProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs Roster may POST to. Unless {@code ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS} is set, a host must resolve,
 * and only to public addresses, so that a webhook cannot reach the network Roster runs in (SSRF). Checked at
 * registration and again before each delivery, since DNS answers change.
 */
@Component
class WebhookUrlPolicy {

    private final boolean allowPrivateNetworks;

    WebhookUrlPolicy(RosterProperties properties) {
        this.allowPrivateNetworks = properties.webhooks().allowPrivateNetworks();
    }

    /** Why {@code url} is refused, or empty when Roster may send to it. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress() + ", a loopback, private or link-local "
                        + "address; set ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true to allow it (development only)");
            }
        }
        return Optional.empty();
    }

    private static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal
                || sharedAddressSpace);
    }
}
