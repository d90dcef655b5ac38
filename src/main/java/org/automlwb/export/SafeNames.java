package org.automlwb.export;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folder and file names built from user or column text. The result is a single path segment of letters,
 * digits, '-', '_' and '.', never '.' or '..', so it cannot escape the folder it is put in.
 */
public final class SafeNames {
    private SafeNames() { }

    public static String of(String text, String fallback) {
        String n = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_");
        n = n.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (n.length() > 48) n = n.substring(0, 48);
        return n.isEmpty() ? fallback : n.toLowerCase(Locale.ROOT);
    }
}
