package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** SCIM 2.0 user requests (RFC 7644 §3) against one directory, as an identity provider sends them. */
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

    private URI users(String rest) {
        return URI.create(directory.scimBaseUrl() + "/Users" + rest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Reply parsed(Exchange exchange) {
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
