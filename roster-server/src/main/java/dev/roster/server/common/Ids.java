package dev.roster.server.common;

import java.security.SecureRandom;

/** Prefixed, random identifiers such as {@code org_7kq3...}: the prefix tells a reader what the id names. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** In ascending character order, so that the time-ordered ids sort as text in the order they were made. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int CHARS = 26;
    private static final int BITS_PER_CHAR = 5;
    /** 50 bits of milliseconds since 1970: enough until long after the year 30000. */
    private static final int TIME_CHARS = 10;

    private Ids() {
    }

    public static String newId(String prefix) {
        return appendRandom(start(prefix), CHARS).toString();
    }

    /**
     * An id like {@link #newId}'s whose first ten characters are the time it was made, to the millisecond: such
     * ids sort in the order they were made, and an index takes each new one at its end instead of on a random
     * page, which makes inserting them cheaper. For records written at a high rate: events and deliveries.
     */
    public static String newTimeOrderedId(String prefix) {
        StringBuilder id = start(prefix);
        long millis = System.currentTimeMillis();
        for (int shift = (TIME_CHARS - 1) * BITS_PER_CHAR; shift >= 0; shift -= BITS_PER_CHAR) {
            id.append(ALPHABET[(int) (millis >>> shift) & 31]);
        }
        return appendRandom(id, CHARS - TIME_CHARS).toString();
    }

    private static StringBuilder start(String prefix) {
        return new StringBuilder(prefix.length() + 1 + CHARS).append(prefix).append('_');
    }

    private static StringBuilder appendRandom(StringBuilder id, int chars) {
        byte[] bytes = new byte[chars];
        RANDOM.nextBytes(bytes);
        for (byte b : bytes) {
            id.append(ALPHABET[b & 31]);
        }
        return id;
    }
}
