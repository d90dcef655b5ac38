package org.automlwb.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the text encoding of a file from its first bytes: a UTF-16 byte-order mark wins; UTF-16 without a mark
 * is recognised by its zero bytes; anything else (with or without a UTF-8 mark) is decoded line by line by
 * {@link LineDecoder}, each line as UTF-8 when it is valid UTF-8, else as Windows-1252 (a superset of Latin-1,
 * what spreadsheet programs on Windows write), so that a file mixing the two reads right and can be reported.
 * An encoding the user chose is used as it is.
 */
final class EncodingSniffer {
    /** Windows-1252, the fallback for bytes that are not UTF-8. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EncodingSniffer() { }

    /**
     * What was found.
     *
     * @param charset  how to decode; with {@code perLine}, the guess from the head (UTF-8 if it is valid UTF-8)
     * @param bomBytes bytes of byte-order mark to skip
     * @param perLine  true to decode each line as UTF-8 or Windows-1252, whichever it is valid as
     */
    record Encoding(Charset charset, int bomBytes, boolean perLine) { }

    /**
     * @param head     the first bytes of the file
     * @param n        how many of {@code head} are valid
     * @param complete whether {@code head} holds the whole file (else a cut multi-byte sequence at the end is fine)
     * @param forced   the charset the user chose, or null
     */
    static Encoding sniff(byte[] head, int n, boolean complete, Charset forced) {
        int bom = bomLength(head, n);
        Charset bomCharset = bom == 3 ? StandardCharsets.UTF_8
                : bom == 2 ? (head[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE) : null;
        if (forced != null) {
            boolean sameFamily = bomCharset != null && (forced.equals(bomCharset)
                    || forced.equals(StandardCharsets.UTF_16) && bom == 2);
            return new Encoding(forced.equals(StandardCharsets.UTF_16) && bomCharset != null ? bomCharset : forced,
                    sameFamily ? bom : 0, false);
        }
        if (bomCharset != null) return new Encoding(bomCharset, bom, bom == 3);
        Charset utf16 = utf16WithoutBom(head, n);
        if (utf16 != null) return new Encoding(utf16, 0, false);
        return new Encoding(validUtf8(head, n, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0, true);
    }

    private static int bomLength(byte[] b, int n) {
        if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) return 3;
        if (n >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)) {
            return 2;
        }
        return 0;
    }

    /** ASCII text in UTF-16 has a zero byte in every pair: at even offsets for BE, odd for LE. */
    private static Charset utf16WithoutBom(byte[] b, int n) {
        int pairs = Math.min(n, 4096) / 2;
        if (pairs < 4) return null;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < pairs; i++) {
            if (b[2 * i] == 0) zeroEven++;
            if (b[2 * i + 1] == 0) zeroOdd++;
        }
        if (zeroOdd > pairs * 0.7 && zeroEven < pairs * 0.05) return StandardCharsets.UTF_16LE;
        if (zeroEven > pairs * 0.7 && zeroOdd < pairs * 0.05) return StandardCharsets.UTF_16BE;
        return null;
    }

    /** Strict UTF-8 validation (no overlongs, no surrogates, at most U+10FFFF). */
    static boolean validUtf8(byte[] b, int n, boolean complete) {
        return validUtf8(b, 0, n, complete);
    }

    /** Strict UTF-8 validation of {@code b[from..n)}. */
    static boolean validUtf8(byte[] b, int from, int n, boolean complete) {
        int i = from;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n) return !complete;
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) return false;
            i += len;
        }
        return true;
    }
}
