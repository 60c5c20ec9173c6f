package dev.roster.server.user;

import tools.jackson.databind.node.ObjectNode;

/**
 * A user as the SCIM endpoint returns it: the stored document with {@code id} and {@code meta}. Its JSON is the
 * stored text with those two spliced in, so answering a request does not parse and re-serialize the
 * document; the tree is built only when a projection or an in-memory filter needs it.
 */
public final class UserResource {

    private final StoredUser user;
    private final String scimBaseUrl;
    private ObjectNode document;
    private ObjectNode tree;

    UserResource(StoredUser user, String scimBaseUrl) {
        this.user = user;
        this.scimBaseUrl = scimBaseUrl;
    }

    /** A user whose stored document is already parsed, as after a write. */
    UserResource(StoredUser user, ObjectNode document, String scimBaseUrl) {
        this(user, scimBaseUrl);
        this.document = document;
    }

    public String id() {
        return user.id();
    }

    public long version() {
        return user.version();
    }

    public String location() {
        return UserResources.location(scimBaseUrl, user.id());
    }

    /** The resource as JSON text, exactly what {@link #tree()} serializes to. */
    public String json() {
        return UserResources.json(user, scimBaseUrl);
    }

    /** The resource as a tree, built once. */
    public ObjectNode tree() {
        if (tree == null) {
            tree = document == null
                    ? UserResources.render(user, scimBaseUrl)
                    : UserResources.render(user, document, scimBaseUrl);
        }
        return tree;
    }

    StoredUser stored() {
        return user;
    }
}
