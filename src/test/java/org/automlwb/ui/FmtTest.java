package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as people read them. */
class FmtTest {
    @Test
    void formatsCountsMeasurementsAndSizes() {
        assertEquals("1,234,567", Fmt.count(1_234_567));
        assertEquals("—", Fmt.number(Double.NaN));
        assertEquals("42", Fmt.number(42.0));
        assertEquals("38.64", Fmt.number(38.6437));
        assertEquals("0.1235", Fmt.number(0.123456));
        assertEquals("1.235e+07", Fmt.number(12_345_678.9));
        assertEquals("512.0 KB", Fmt.bytes(512 * 1024));
        assertEquals("80 B", Fmt.bytes(80));
        assertEquals("1.5 GB", Fmt.bytes(3L * 512 * 1024 * 1024));
        assertEquals("12.3k", Fmt.shortNumber(12_345));
    }
}
