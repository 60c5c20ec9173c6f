package dev.roster.server.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A response as a client sees it: status, headers and the parsed JSON body (MissingNode when empty). */
public record HttpResponse(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
