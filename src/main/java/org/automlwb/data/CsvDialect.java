package org.automlwb.data;

import java.nio.charset.Charset;

/**
 * How a CSV file is written. Sniffed from the file, each part overridable by the user.
 *
 * @param delimiter     field separator: ',', ';', '\t' or '|'
 * @param quote         quote character, usually '"'
 * @param header        whether the first record holds column names
 * @param charset       text encoding (UTF-8, UTF-16, windows-1252, ...)
 * @param bom           whether the file starts with a byte-order mark
 * @param decimalComma  whether numbers use ',' as the decimal separator (typical with ';')
 * @param lineEnding    "\n", "\r\n" or "\r" as found in the file
 */
public record CsvDialect(char delimiter, char quote, boolean header, Charset charset, boolean bom,
                         boolean decimalComma, String lineEnding) { }
