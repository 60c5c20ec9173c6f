package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP/1.1 keep-alive client every worker shares; sends JSON bodies and times each request from
 * the call until the whole response body has arrived.
 */
final class JsonHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    JsonMapper mapper() {
        return mapper;
    }

    Exchange get(URI uri, String bearerToken, String mediaType) throws IOException, InterruptedException {
        return send(request(uri, bearerToken, mediaType).GET());
    }

    Exchange send(String method, URI uri, String bearerToken, String mediaType, JsonNode body)
            throws IOException, InterruptedException {
        String json = mapper.writeValueAsString(body);
        return send(request(uri, bearerToken, mediaType)
                .header("Content-Type", mediaType)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode parse(Exchange exchange) {
        return mapper.readTree(exchange.body());
    }

    private static HttpRequest.Builder request(URI uri, String bearerToken, String mediaType) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", mediaType);
    }

    private Exchange send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return Exchange.of(response.statusCode(), response.body(), System.nanoTime() - start);
    }
}
