package org.automlwb.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes bytes line by line: each line as UTF-8 when it is valid UTF-8, else as Windows-1252.
 *
 * <p>Why per line: files put together from several sources (an export appended to a hand-edited sheet, a UTF-8
 * byte-order mark before a Windows-1252 body) hold lines in two encodings. Decoding the whole file one way turns
 * half of it into mojibake ({@code BesanÃ§on}) or U+FFFD. A Windows-1252 line is valid UTF-8 only when it holds
 * sequences such as {@code Ã©}, which real text almost never does, so the choice per line is safe. Lines of
 * plain ASCII read the same either way and are not counted. A line break is CR, LF or CRLF, as for
 * {@link CsvTokenizer}, so line numbers agree; a line longer than the buffer is decided piece by piece.
 */
final class LineDecoder extends Reader {
    private static final int BUFFER = 1 << 16;
    private static final char[] CP1252 = cp1252Table();

    private final InputStream in;
    private final byte[] bytes = new byte[BUFFER];
    private final char[] chars = new char[BUFFER];
    private int bytePos;
    private int byteLimit;
    private boolean eof;
    private int charPos;
    private int charLimit;
    private long line = 1;
    private boolean lastWasCr;
    private long utf8Lines;
    private long legacyLines;
    private long firstUtf8Line;
    private long firstLegacyLine;

    /** @param in the bytes after any byte-order mark */
    LineDecoder(InputStream in) {
        this.in = in;
    }

    /** Decodes a whole byte range the same way (for the sniffed head of a file). */
    static String decode(byte[] b, int off, int len) {
        LineDecoder d = new LineDecoder(new java.io.ByteArrayInputStream(b, off, len));
        StringBuilder sb = new StringBuilder(len);
        char[] buf = new char[8192];
        try {
            for (int n; (n = d.read(buf, 0, buf.length)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
        return sb.toString();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (charPos == charLimit) {
            if (!fill()) return -1;
        }
        int n = Math.min(len, charLimit - charPos);
        System.arraycopy(chars, charPos, cbuf, off, n);
        charPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Lines (with non-ASCII bytes) read as UTF-8 so far. */
    long utf8Lines() { return utf8Lines; }

    /** Lines read as Windows-1252 so far. */
    long legacyLines() { return legacyLines; }

    /**
     * The encoding the lines read so far were in, for the dialect: Windows-1252 when no line needed UTF-8 and some
     * needed Windows-1252, else UTF-8.
     */
    java.nio.charset.Charset charset() {
        return utf8Lines == 0 && legacyLines > 0 ? EncodingSniffer.WINDOWS_1252 : StandardCharsets.UTF_8;
    }

    /**
     * A warning when the lines read so far were in two encodings, naming the first line where the encoding
     * changed; {@code bom} tells whether the file started with a UTF-8 byte-order mark (which promises UTF-8).
     */
    Optional<String> warning(boolean bom) {
        if (legacyLines == 0 || utf8Lines == 0 && !bom) return Optional.empty();
        String counts = String.format(java.util.Locale.ROOT, "%,d line%s read as windows-1252", legacyLines,
                legacyLines == 1 ? "" : "s");
        if (utf8Lines == 0) {
            return Optional.of("the file starts with a UTF-8 byte-order mark but line " + firstLegacyLine
                    + " is not UTF-8; lines that are not UTF-8 were read as windows-1252 (" + counts
                    + "): save the file in one encoding");
        }
        boolean utf8First = firstUtf8Line < firstLegacyLine;
        return Optional.of(String.format(java.util.Locale.ROOT,
                "the file mixes encodings: line %d is %s after %s on line %d; each line was read in the encoding it "
                        + "is valid in (%,d line%s as UTF-8, %s): save the file in one encoding",
                utf8First ? firstLegacyLine : firstUtf8Line, utf8First ? "windows-1252" : "UTF-8",
                utf8First ? "UTF-8" : "windows-1252", utf8First ? firstUtf8Line : firstLegacyLine,
                utf8Lines, utf8Lines == 1 ? "" : "s", counts));
    }

    /** Decodes the next run of whole lines (or a piece of an overlong line) into {@link #chars}. */
    private boolean fill() throws IOException {
        if (bytePos > 0) {
            System.arraycopy(bytes, bytePos, bytes, 0, byteLimit - bytePos);
            byteLimit -= bytePos;
            bytePos = 0;
        }
        while (!eof && byteLimit < bytes.length) {
            int r = in.read(bytes, byteLimit, bytes.length - byteLimit);
            if (r < 0) eof = true;
            else byteLimit += r;
        }
        if (byteLimit == 0) return false;
        int end = byteLimit;
        if (!eof) {
            int lastBreak = byteLimit - 1;
            while (lastBreak >= 0 && bytes[lastBreak] != '\n' && bytes[lastBreak] != '\r') lastBreak--;
            if (lastBreak >= 0) {
                end = lastBreak + 1;
            } else {
                // No break in a full buffer: cut before the last UTF-8 sequence, which the cut may split.
                int i = byteLimit - 1;
                while (i > byteLimit - 4 && (bytes[i] & 0xC0) == 0x80) i--;
                if ((bytes[i] & 0xFF) >= 0xC0) end = i;
            }
        }
        charPos = 0;
        charLimit = 0;
        int s = 0;
        while (s < end) {
            int e = s;
            while (e < end && bytes[e] != '\n' && bytes[e] != '\r') e++;
            decodeLine(s, e);
            if (e < end) {
                byte br = bytes[e];
                if (br == '\r' || !lastWasCr || e > s) line++;
                lastWasCr = br == '\r';
                chars[charLimit++] = (char) br;
                e++;
            } else {
                lastWasCr = false;
            }
            s = e;
        }
        bytePos = end;
        return true;
    }

    /** Decodes {@code bytes[s..e)}, one line without its break, choosing the encoding by validity. */
    private void decodeLine(int s, int e) {
        if (s == e) return;
        lastWasCr = false;
        boolean ascii = true;
        for (int i = s; i < e && ascii; i++) ascii = bytes[i] >= 0;
        if (ascii) {
            for (int i = s; i < e; i++) chars[charLimit++] = (char) bytes[i];
            return;
        }
        if (EncodingSniffer.validUtf8(bytes, s, e, true)) {
            if (utf8Lines++ == 0) firstUtf8Line = line;
            CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            CharBuffer out = CharBuffer.wrap(chars, charLimit, chars.length - charLimit);
            d.decode(ByteBuffer.wrap(bytes, s, e - s), out, true);
            d.flush(out);
            charLimit = out.position();
        } else {
            if (legacyLines++ == 0) firstLegacyLine = line;
            for (int i = s; i < e; i++) chars[charLimit++] = CP1252[bytes[i] & 0xFF];
        }
    }

    private static char[] cp1252Table() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        String s = new String(all, EncodingSniffer.WINDOWS_1252);
        return s.toCharArray();
    }
}
