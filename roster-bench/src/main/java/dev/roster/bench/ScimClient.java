package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** SCIM 2.0 user and group requests (RFC 7644 §3) against one directory, as an identity provider sends them. */
final class ScimClient {

    private static final String MEDIA_TYPE = "application/scim+json";

    private final JsonHttp http;
    private final ScimDirectory directory;

    ScimClient(JsonHttp http, ScimDirectory directory) {
        this.http = http;
        this.directory = directory;
    }

    /** A parsed 2xx response, or why there is none. */
    record Reply(Exchange exchange, JsonNode json) {}

    Reply createUser(JsonNode user) throws IOException, InterruptedException {
        return parsed(http.send("POST", users(""), directory.token(), MEDIA_TYPE, user));
    }

    /** A create's exchange, and the new user's id when it succeeded; a success without an id is an error. */
    record Created(Exchange exchange, String id) {
        boolean succeeded() {
            return id != null;
        }
    }

    Created createUserForId(JsonNode user) throws IOException, InterruptedException {
        Reply reply = createUser(user);
        if (!reply.exchange().succeeded()) {
            return new Created(reply.exchange(), null);
        }
        String id = reply.json().path("id").asString("");
        return id.isEmpty() ? new Created(reply.exchange().rejectedBecause("created user has no id"), null)
                : new Created(reply.exchange(), id);
    }

    Reply findByUserName(String userName) throws IOException, InterruptedException {
        String filter = "userName eq \"" + userName + "\"";
        return parsed(http.get(users("?filter=" + encode(filter)), directory.token(), MEDIA_TYPE));
    }

    Exchange replaceUser(String id, JsonNode user) throws IOException, InterruptedException {
        return http.send("PUT", users("/" + id), directory.token(), MEDIA_TYPE, user);
    }

    Exchange patchUser(String id, JsonNode patchRequest) throws IOException, InterruptedException {
        return http.send("PATCH", users("/" + id), directory.token(), MEDIA_TYPE, patchRequest);
    }

    /** RFC 7644 §3.4.2.4: a 1-based page. */
    Reply pageByIndex(long startIndex, int count) throws IOException, InterruptedException {
        return parsed(http.get(users("?startIndex=" + startIndex + "&count=" + count), directory.token(), MEDIA_TYPE));
    }

    /** RFC 9865: an empty cursor asks for the first page; each page but the last names the next. */
    Reply pageByCursor(String cursor, int count) throws IOException, InterruptedException {
        return parsed(http.get(users("?cursor=" + encode(cursor) + "&count=" + count), directory.token(), MEDIA_TYPE));
    }

    Reply createGroup(JsonNode group) throws IOException, InterruptedException {
        return parsed(http.send("POST", groups(""), directory.token(), MEDIA_TYPE, group));
    }

    /** Answered 204 without a body unless the request asks for attributes, so there is nothing to parse. */
    Exchange patchGroup(String id, JsonNode patchRequest) throws IOException, InterruptedException {
        return http.send("PATCH", groups("/" + id), directory.token(), MEDIA_TYPE, patchRequest);
    }

    /** The group with every member when {@code withMembers}, else with {@code excludedAttributes=members}. */
    Exchange getGroup(String id, boolean withMembers) throws IOException, InterruptedException {
        String query = withMembers ? "" : "?excludedAttributes=members";
        return http.get(groups("/" + id + query), directory.token(), MEDIA_TYPE);
    }

    /** The {@code displayName eq} list lookup Okta sends before pushing a group, without members. */
    Exchange findGroupByDisplayName(String displayName) throws IOException, InterruptedException {
        String filter = "displayName eq \"" + displayName + "\"";
        return http.get(groups("?filter=" + encode(filter) + "&excludedAttributes=members"), directory.token(),
                MEDIA_TYPE);
    }

    private URI users(String rest) {
        return URI.create(directory.scimBaseUrl() + "/Users" + rest);
    }

    private URI groups(String rest) {
        return URI.create(directory.scimBaseUrl() + "/Groups" + rest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Parses a 2xx response; a body that is not JSON turns the exchange into an error. */
    Reply parsed(Exchange exchange) {
        if (!exchange.succeeded()) {
            return new Reply(exchange, null);
        }
        try {
            return new Reply(exchange, http.parse(exchange));
        } catch (JacksonException e) {
            return new Reply(exchange.rejectedBecause("response is not JSON"), null);
        }
    }
}
