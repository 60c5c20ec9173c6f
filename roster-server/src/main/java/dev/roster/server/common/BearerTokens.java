package dev.roster.server.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Reads an RFC 6750 bearer token from the Authorization header. */
public final class BearerTokens {

    private static final String SCHEME = "bearer ";

    private BearerTokens() {
    }

    public static Optional<String> from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() || token.length() > 512 ? Optional.empty() : Optional.of(token);
    }
}
