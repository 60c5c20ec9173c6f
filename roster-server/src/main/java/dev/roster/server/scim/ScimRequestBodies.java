package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import dev.roster.server.config.RosterProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a SCIM request body: at most the advertised maxPayloadSize, strict JSON (no duplicate keys, no
 * trailing content), so a malformed or oversized request is a 4xx before anything is written.
 */
@Component
public class ScimRequestBodies {

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxBytes;

    ScimRequestBodies(RosterProperties properties) {
        this.maxBytes = properties.scim().maxPayloadBytes();
    }

    public int maxBytes() {
        return maxBytes;
    }

    public JsonNode read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("the request body could not be read");
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw ScimException.invalidSyntax("the request body is empty; send a JSON object");
        }
        try {
            return STRICT_JSON.readTree(body);
        } catch (JacksonException e) {
            throw ScimException.invalidSyntax("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private ScimException tooLarge() {
        return ScimException.payloadTooLarge("the request body exceeds " + maxBytes
                + " bytes (maxPayloadSize in /ServiceProviderConfig)");
    }
}
