package dev.roster.server.webhook;

import dev.roster.server.config.RosterProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets that must be recovered (webhook signing secrets) with AES-256-GCM under {@code ROSTER_SECRET_KEY};
 * without it, under a key generated on first use and kept in the database beside the data it protects.
 */
@Component
class SecretKeyring {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyring.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final GeneratedSecretKeyRepository generatedKeys;
    private final String configuredKey;
    private volatile SecretKey key;

    SecretKeyring(GeneratedSecretKeyRepository generatedKeys, RosterProperties properties) {
        this.generatedKeys = generatedKeys;
        this.configuredKey = properties.secretKey();
        if (configuredKey != null && !configuredKey.isBlank()) {
            this.key = parse(configuredKey);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code plaintext} encrypted and bound to {@code context} (the owner's id), as base64 of IV and ciphertext. */
    String encrypt(String plaintext, String context) {
        byte[] iv = randomBytes(IV_BYTES);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, context, plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed)
                .array());
    }

    String decrypt(String encrypted, String context) {
        byte[] bytes = Base64.getDecoder().decode(encrypted);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, iv, context, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a secret; was ROSTER_SECRET_KEY changed?", e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            current = parse(generatedKeys.findOrInsert(
                    Base64.getEncoder().encodeToString(randomBytes(KEY_BYTES)), () -> log.warn(
                            "generated a secret key and stored it in the database; set ROSTER_SECRET_KEY in "
                                    + "production so the key that encrypts webhook secrets is not kept beside them")));
            key = current;
        }
        return current;
    }

    private static SecretKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("ROSTER_SECRET_KEY must be the base64 of 32 bytes, such as the output "
                    + "of 'openssl rand -base64 32'");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
