package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import dev.roster.server.common.BearerTokens;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.directory.DirectoryService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every SCIM request by its directory bearer token. Under {@code /scim/v2/{directoryId}} the
 * token must belong to that directory; under plain {@code /scim/v2} the token selects the directory.
 */
@Component
class ScimAuthenticationFilter extends OncePerRequestFilter {

    private static final String DIRECTORY_ATTRIBUTE = "roster.scim.directory";
    private static final String BASE = "/scim/v2";
    private static final Set<String> ENDPOINTS = Set.of("users", "groups", "schemas", "resourcetypes",
            "serviceproviderconfig", "bulk", "me", ".search");

    private final DirectoryService directories;

    ScimAuthenticationFilter(DirectoryService directories) {
        this.directories = directories;
    }

    /** The directory this filter authenticated for the request. */
    static AuthenticatedDirectory directoryOf(HttpServletRequest request) {
        return (AuthenticatedDirectory) request.getAttribute(DIRECTORY_ATTRIBUTE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals(BASE) || path.startsWith(BASE + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AuthenticatedDirectory> directory = BearerTokens.from(request).flatMap(directories::authenticate);
        if (directory.isEmpty()) {
            ScimErrors.write(response, ScimException.unauthorized(
                    "a valid bearer token of this directory is required: 'Authorization: Bearer <token>'"));
            return;
        }
        String pathDirectory = directoryInPath(path(request));
        if (pathDirectory != null && !pathDirectory.equals(directory.get().directoryId())) {
            ScimErrors.write(response, ScimException.unauthorized(
                    "the bearer token does not belong to directory " + pathDirectory));
            return;
        }
        request.setAttribute(DIRECTORY_ATTRIBUTE, directory.get());
        chain.doFilter(request, response);
    }

    private static String directoryInPath(String path) {
        String rest = path.length() > BASE.length() + 1 ? path.substring(BASE.length() + 1) : "";
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (first.isEmpty() || ENDPOINTS.contains(first.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        return first;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
