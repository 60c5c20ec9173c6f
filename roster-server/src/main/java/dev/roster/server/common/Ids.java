package dev.roster.server.common;

import java.security.SecureRandom;

/** Prefixed, random identifiers such as {@code org_7kq3...}: the prefix tells a reader what the id names. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 26;

    private Ids() {
    }

    public static String newId(String prefix) {
        byte[] bytes = new byte[RANDOM_CHARS];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + 1 + RANDOM_CHARS).append(prefix).append('_');
        for (byte b : bytes) {
            id.append(ALPHABET[b & 31]);
        }
        return id.toString();
    }
}
