package org.automlwb.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Launcher;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.MalformedRowPolicy;
import org.automlwb.data.Profiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profile DATA.csv}: loads a CSV file and prints a profile of every column. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Load a CSV file and describe its columns: type, missing values, distinct values, "
                + "summary statistics, top values and flags; suggest a target column.")
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "the CSV file")
    private Path data;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    private boolean json;

    @Option(names = "--delimiter", paramLabel = "X",
            description = "field delimiter: , ; | or tab (default: guessed)")
    private String delimiter;

    @Option(names = "--quote", paramLabel = "X", description = "quote character (default: guessed, usually \")")
    private String quote;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "text encoding, e.g. UTF-8, windows-1252, UTF-16 (default: guessed)")
    private String encoding;

    @Option(names = "--no-header", description = "the first line is data, not column names")
    private boolean noHeader;

    @Option(names = "--decimal-comma", negatable = true,
            description = "numbers use ',' for decimals (default: guessed; yes when the delimiter is ;)")
    private Boolean decimalComma;

    @Option(names = "--missing", split = ",", paramLabel = "TOKEN",
            description = "cell texts that mean missing (default: NA,N/A,null,NaN,?); empty cells always are")
    private List<String> missing;

    @Option(names = "--keep-na", description = "read the text NA as a value, not as missing")
    private boolean keepNa;

    @Option(names = "--skip-bad-rows", description = "leave malformed rows out (and list them) instead of stopping")
    private boolean skipBadRows;

    @Option(names = "--type", paramLabel = "COL=KIND",
            description = "force a column's type: INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME or TEXT (repeatable)")
    private Map<String, String> types = new LinkedHashMap<>();

    @Override
    public Integer call() throws BadInputException {
        CsvOptions options = options();
        var out = spec.commandLine().getOut();
        try {
            LoadedData loaded = CsvLoader.load(data, options, ProgressListener.none(), CancelToken.none());
            DatasetProfile profile = Profiler.profile(loaded);
            if (json) ProfileReport.json(loaded, profile, out);
            else out.print(ProfileReport.table(loaded, profile));
        } catch (OutOfMemoryError e) {
            // Whatever was being built is garbage once this frame is left, so there is room to say it in one line.
            throw new BadInputException("ran out of memory while profiling the file", data, 0, null,
                    "start the program with more heap, e.g. " + Launcher.withHeap(4) + " ...");
        } catch (IOException e) {
            throw new IllegalStateException("writing to the console failed", e);
        }
        out.flush();
        return Cli.OK;
    }

    private CsvOptions options() throws BadInputException {
        CsvOptions o = CsvOptions.defaults();
        if (delimiter != null) o = o.withDelimiter(delimiterChar(delimiter));
        if (quote != null) {
            if (quote.length() != 1) throw new BadInputException("--quote takes one character", "e.g. --quote \"'\"");
            o = o.withQuote(quote.charAt(0));
        }
        if (encoding != null) o = o.withCharset(charset(encoding));
        if (noHeader) o = o.withHeader(false);
        if (decimalComma != null) o = o.withDecimalComma(decimalComma);
        Set<String> tokens = new LinkedHashSet<>(missing != null ? missing : CsvOptions.DEFAULT_MISSING);
        if (keepNa) tokens.remove("NA");
        o = o.withMissingTokens(tokens);
        if (skipBadRows) o = o.withMalformedRows(MalformedRowPolicy.SKIP);
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : types.entrySet()) kinds.put(e.getKey(), kind(e.getKey(), e.getValue()));
        return o.withTypeOverrides(kinds);
    }

    private static char delimiterChar(String d) throws BadInputException {
        return switch (d.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "|", "pipe" -> '|';
            case "\t", "\\t", "tab" -> '\t';
            default -> throw new BadInputException("unsupported delimiter '" + d + "'",
                    "use one of , ; | tab");
        };
    }

    private static Charset charset(String name) throws BadInputException {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown encoding '" + name + "'", "try UTF-8, windows-1252 or UTF-16");
        }
    }

    private static ColumnKind kind(String column, String name) throws BadInputException {
        try {
            return ColumnKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown type '" + name + "' for column '" + column + "'",
                    "use INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME or TEXT");
        }
    }
}
