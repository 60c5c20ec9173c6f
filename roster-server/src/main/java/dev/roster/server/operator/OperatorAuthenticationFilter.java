package dev.roster.server.operator;

import dev.roster.server.common.BearerTokens;
import dev.roster.server.common.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Admits a management API request ({@code /api/v1/**}) only with the operator key as bearer token. */
@Component
class OperatorAuthenticationFilter extends OncePerRequestFilter {

    private final OperatorKeys operatorKeys;

    OperatorAuthenticationFilter(OperatorKeys operatorKeys) {
        this.operatorKeys = operatorKeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/v1/") || path.equals("/api/v1/openapi.json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = BearerTokens.from(request);
        if (key.isEmpty() || !operatorKeys.isValid(key.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"roster\"");
            ProblemResponses.write(response, 401, "Unauthorized",
                    "Send the operator key as 'Authorization: Bearer <key>' (ROSTER_ADMIN_API_KEY, or the key "
                            + "printed on first start).");
            return;
        }
        chain.doFilter(request, response);
    }
}
