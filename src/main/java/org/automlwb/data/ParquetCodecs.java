package org.automlwb.data;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page compression without Hadoop and without native libraries: parquet-java's own codec factory
 * builds Hadoop codecs (and zstd-jni, snappy-java natives), which the product does not ship. Writes Snappy (what
 * Spark and pyarrow write by default, and read everywhere) with aircompressor's pure-Java Snappy; reads
 * uncompressed, Snappy, gzip, Zstandard and LZ4 (raw) pages, the codecs Spark, pyarrow and DuckDB write.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** The codec written. */
    static final CompressionCodecName WRITTEN = CompressionCodecName.SNAPPY;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("writes only uncompressed or Snappy pages, not " + codec);
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
                Compressor c = new SnappyCompressor();
                byte[] in = bytes.toByteArray();
                byte[] out = new byte[c.maxCompressedLength(in.length)];
                int n = c.compress(in, 0, in.length, out, 0, out.length);
                return BytesInput.from(out, 0, n);
            }

            @Override
            public CompressionCodecName getCodecName() { return codec; }

            @Override
            public void release() { }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
                byte[] in = bytes.toByteArray();
                return BytesInput.from(inflate(codec, in, uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(codec == CompressionCodecName.UNCOMPRESSED ? in : inflate(codec, in, uncompressedSize));
            }

            @Override
            public void release() { }
        };
    }

    private static byte[] inflate(CompressionCodecName codec, byte[] in, int size) throws IOException {
        if (codec == CompressionCodecName.GZIP) {
            try (GZIPInputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(size);
                z.transferTo(out);
                return out.toByteArray();
            }
        }
        Decompressor d = switch (codec) {
            case SNAPPY -> new SnappyDecompressor();
            case ZSTD -> new ZstdDecompressor();
            case LZ4_RAW -> new Lz4Decompressor();
            default -> throw new IOException("pages compressed with " + codec + " cannot be read here; write the file"
                    + " with Snappy, gzip, Zstandard, LZ4 or no compression");
        };
        byte[] out = new byte[size];
        int n = d.decompress(in, 0, in.length, out, 0, size);
        if (n != size) throw new IOException("a " + codec + " page holds " + n + " bytes, its header says " + size);
        return out;
    }

    @Override
    public void release() { }
}
