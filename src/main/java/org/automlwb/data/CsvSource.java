package org.automlwb.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.data.EncodingSniffer.Encoding;

/**
 * An open CSV file: decoded (line by line when the encoding was guessed, see {@link LineDecoder}), its byte-order
 * mark skipped, split into records, counting the bytes read.
 */
final class CsvSource implements Closeable {
    private final InputStream raw;
    private final CsvTokenizer tokenizer;
    private final LineDecoder lines;
    private final boolean bom;
    private long bytes;

    CsvSource(Path file, Encoding encoding, char delimiter, char quote) throws IOException {
        this.raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        long skipped = raw.skip(encoding.bomBytes());
        if (skipped != encoding.bomBytes()) throw new IOException("cannot skip the byte-order mark");
        bytes = skipped;
        InputStream counting = new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bytes++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = super.read(b, off, len);
                if (r > 0) bytes += r;
                return r;
            }
        };
        Reader reader;
        if (encoding.perLine()) {
            lines = new LineDecoder(counting);
            reader = lines;
        } else {
            lines = null;
            CharsetDecoder decoder = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            reader = new InputStreamReader(counting, decoder);
        }
        this.bom = encoding.bomBytes() > 0;
        this.tokenizer = new CsvTokenizer(reader, delimiter, quote);
    }

    CsvTokenizer tokenizer() { return tokenizer; }

    /** The encoding of the lines read so far: the one asked for, or what the per-line decoding found. */
    java.nio.charset.Charset charset(java.nio.charset.Charset asked) {
        return lines == null ? asked : lines.charset();
    }

    /** A warning when the lines read so far mix encodings (see {@link LineDecoder#warning}). */
    java.util.Optional<String> encodingWarning() {
        return lines == null ? java.util.Optional.empty() : lines.warning(bom);
    }

    /** Bytes consumed from the file so far (the decoder reads a little ahead of the records). */
    long bytesRead() { return bytes; }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
