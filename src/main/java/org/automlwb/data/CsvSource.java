package org.automlwb.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.data.EncodingSniffer.Encoding;

/** An open CSV file: decoded, its byte-order mark skipped, split into records, counting the bytes read. */
final class CsvSource implements Closeable {
    private final InputStream raw;
    private final CsvTokenizer tokenizer;
    private long bytes;

    CsvSource(Path file, Encoding encoding, char delimiter, char quote) throws IOException {
        this.raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        long skipped = raw.skip(encoding.bomBytes());
        if (skipped != encoding.bomBytes()) throw new IOException("cannot skip the byte-order mark");
        bytes = skipped;
        CodingErrorAction onError = encoding.verifyUtf8() ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(onError).onUnmappableCharacter(onError);
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
        this.tokenizer = new CsvTokenizer(new InputStreamReader(counting, decoder), delimiter, quote);
    }

    CsvTokenizer tokenizer() { return tokenizer; }

    /** Bytes consumed from the file so far (the decoder reads a little ahead of the records). */
    long bytesRead() { return bytes; }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
