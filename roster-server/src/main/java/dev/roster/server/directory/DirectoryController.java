package dev.roster.server.directory;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import dev.roster.server.config.PublicUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management API for directories and their SCIM bearer tokens. */
@ManagementApi
@RestController
class DirectoryController {

    private final DirectoryService directories;
    private final PublicUrl publicUrl;

    DirectoryController(DirectoryService directories, PublicUrl publicUrl) {
        this.directories = directories;
        this.publicUrl = publicUrl;
    }

    record CreateDirectory(@NotBlank String provider, @NotBlank @Size(max = 255) String name) {
    }

    /** A directory as the application sees it; {@code token} is present only in the creation response. */
    record DirectoryView(String id, String organizationId, String provider, String name, String scimBaseUrl,
                         OffsetDateTime createdAt, String token) {
    }

    /** A token as listed; {@code token} (the secret) is present only in the issuing response. */
    record TokenView(String id, String directoryId, String hint, OffsetDateTime createdAt,
                     OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String token) {
    }

    @PostMapping("/api/v1/organizations/{organizationId}/directories")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryView create(@PathVariable String organizationId, @Valid @RequestBody CreateDirectory request) {
        DirectoryProvider provider;
        try {
            provider = DirectoryProvider.fromWireName(request.provider());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        DirectoryService.CreatedDirectory created =
                directories.create(organizationId, provider, request.name().strip());
        return view(created.directory(), created.token().secret());
    }

    @GetMapping("/api/v1/organizations/{organizationId}/directories")
    Page<DirectoryView> list(@PathVariable String organizationId,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Page.size(limit);
        List<DirectoryView> page = directories.list(organizationId, after, pageSize).stream()
                .map(d -> view(d, null)).toList();
        return Page.of(page, pageSize, DirectoryView::id);
    }

    @GetMapping("/api/v1/directories/{directoryId}")
    DirectoryView get(@PathVariable String directoryId) {
        return view(directories.get(directoryId), null);
    }

    @PostMapping("/api/v1/directories/{directoryId}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenView issueToken(@PathVariable String directoryId) {
        DirectoryService.IssuedToken issued = directories.issueToken(directoryId);
        return view(issued.token(), issued.secret());
    }

    @GetMapping("/api/v1/directories/{directoryId}/tokens")
    Page<TokenView> tokens(@PathVariable String directoryId) {
        return new Page<>(directories.tokens(directoryId).stream().map(t -> view(t, null)).toList(), null);
    }

    @DeleteMapping("/api/v1/directories/{directoryId}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String directoryId, @PathVariable String tokenId) {
        directories.revokeToken(directoryId, tokenId);
    }

    private DirectoryView view(Directory d, String token) {
        return new DirectoryView(d.id(), d.organizationId(), d.provider().wireName(), d.name(),
                publicUrl.scimBaseUrl(d.id()), d.createdAt(), token);
    }

    private static TokenView view(DirectoryToken t, String secret) {
        return new TokenView(t.id(), t.directoryId(), t.hint(), t.createdAt(), t.lastUsedAt(), t.revokedAt(),
                secret);
    }
}
