package dev.roster.server.scim;

import dev.roster.scim.ScimException;

/** Weak entity tags for SCIM resources (RFC 7644 §3.14): {@code W/"<version>"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** Throws 412 unless {@code ifMatch} (absent, {@code *}, or a list of tags) names the current version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank() && !matchesAny(ifMatch, currentVersion)) {
            throw ScimException.preconditionFailed("If-Match " + ifMatch + " does not match the current version "
                    + of(currentVersion) + "; read the resource again and retry");
        }
    }

    /** Weak comparison, as RFC 7232 prescribes for If-None-Match and allows for weak tags here. */
    public static boolean matchesAny(String header, long currentVersion) {
        String current = "\"" + currentVersion + "\"";
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*")) {
                return true;
            }
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
