package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP/1.1 keep-alive client every worker shares; sends JSON bodies and times each request from
 * the call until the whole response body has arrived.
 *
 * <p>Apache HttpClient's blocking client, because the load generator shares the server's machine: it
 * spends about a quarter of the CPU per request that {@code java.net.http.HttpClient} does
 * (docs/benchmarks.md has the figures). A request fails after 10 s without a connection or 30 s
 * without a byte of the answer, and is never retried, so every failure shows up as an error.
 */
final class JsonHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final CloseableHttpClient client;
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** {@code connections}: the most requests in flight at once, so no worker ever waits for a pooled connection. */
    JsonHttp(int connections) {
        Timeout requestTimeout = Timeout.of(REQUEST_TIMEOUT);
        PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(requestTimeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(requestTimeout)
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    JsonMapper mapper() {
        return mapper;
    }

    Exchange get(URI uri, String bearerToken, String mediaType) throws IOException, InterruptedException {
        return send(request("GET", uri, bearerToken, mediaType));
    }

    Exchange delete(URI uri, String bearerToken, String mediaType) throws IOException, InterruptedException {
        return send(request("DELETE", uri, bearerToken, mediaType));
    }

    Exchange send(String method, URI uri, String bearerToken, String mediaType, JsonNode body)
            throws IOException, InterruptedException {
        HttpUriRequestBase request = request(method, uri, bearerToken, mediaType);
        request.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.create(mediaType)));
        return send(request);
    }

    JsonNode parse(Exchange exchange) {
        return mapper.readTree(exchange.body());
    }

    private static HttpUriRequestBase request(String method, URI uri, String bearerToken, String mediaType) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader("Authorization", "Bearer " + bearerToken);
        request.setHeader("Accept", mediaType);
        return request;
    }

    private Exchange send(HttpUriRequestBase request) throws IOException {
        long start = System.nanoTime();
        return client.execute(request, response -> {
            String body = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return Exchange.of(response.getCode(), body, System.nanoTime() - start);
        });
    }
}
