package dev.roster.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A plain HTTP client for tests: what Okta, Entra or an application would send, nothing framework-specific. */
public final class JsonClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final String bearerToken;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public JsonClient(String baseUrl, String bearerToken, String contentType) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
        this.contentType = contentType;
    }

    /** A copy that also sends {@code name: value} with every request. */
    public JsonClient withHeader(String name, String value) {
        JsonClient copy = new JsonClient(baseUrl, bearerToken, contentType);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public HttpResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public HttpResponse patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public HttpResponse delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} as is when it is a String (raw text, possibly malformed), else as JSON. */
    public HttpResponse send(String method, String path, Object body) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            java.net.http.HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new HttpResponse(response.statusCode(), response.headers(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
