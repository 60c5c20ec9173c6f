package dev.roster.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification and apart from Roster's
 * signing code: {@code standard-webhooks-consumer} is not reachable from this build's Maven repository.
 */
final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    /** Whether one of the space-separated {@code v1,} signatures matches and the timestamp is recent. */
    static boolean verifies(String secret, String id, String timestamp, String signatures, String body) {
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now()).abs()
                .compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                id + "." + timestamp + "." + body);
        return Arrays.stream(signatures.split(" "))
                .filter(signature -> signature.startsWith("v1,"))
                .anyMatch(signature -> MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring("v1,".length()))));
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
