package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.server.config.RosterProperties;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: AES-GCM under ROSTER_SECRET_KEY, bound to the endpoint that owns them. */
class SecretKeyringTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void decryptWhenSameKeyAndEndpointThenSecretComesBackAndCiphertextHidesIt() {
        SecretKeyring keyring = keyring(KEY);

        String encrypted = keyring.encrypt("whsec_c2VjcmV0", "whe_1");

        assertThat(encrypted).doesNotContain("whsec_").isNotEqualTo(keyring.encrypt("whsec_c2VjcmV0", "whe_1"));
        assertThat(keyring.decrypt(encrypted, "whe_1")).isEqualTo("whsec_c2VjcmV0");
    }

    @Test
    void decryptWhenAnotherEndpointOrKeyThenFails() {
        String encrypted = keyring(KEY).encrypt("whsec_c2VjcmV0", "whe_1");
        String otherKey = Base64.getEncoder().encodeToString(SecretKeyring.randomBytes(32));

        assertThatThrownBy(() -> keyring(KEY).decrypt(encrypted, "whe_2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keyring(otherKey).decrypt(encrypted, "whe_1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void constructWhenKeyIsNot32BytesOfBase64ThenFailsNamingTheSetting() {
        assertThatThrownBy(() -> keyring("c2hvcnQ=")).hasMessageContaining("ROSTER_SECRET_KEY");
        assertThatThrownBy(() -> keyring("not base64!")).hasMessageContaining("ROSTER_SECRET_KEY");
    }

    private static SecretKeyring keyring(String key) {
        return new SecretKeyring(null, new RosterProperties(null, null, null, key, null, null, null, null));
    }
}
