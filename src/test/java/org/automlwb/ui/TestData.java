package org.automlwb.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.load.DataSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small in-memory tables and a scriptable {@link DataSource} for view-model tests. */
public final class TestData {
    private TestData() { }

    /** Three rows: price (decimal, one missing) and city (text). */
    public static LoadedData small(Path source) {
        DoubleColumn price = DoubleColumn.create("price", 3.5, Double.NaN, 1.25);
        StringColumn city = StringColumn.create("city", "Oslo", "Lima", "Oslo");
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("price", ColumnKind.DECIMAL);
        kinds.put("city", ColumnKind.TEXT);
        return new LoadedData(source, Table.create("small", price, city),
                new CsvDialect(';', '"', true, StandardCharsets.UTF_8, false, true, "\n"), kinds, List.of());
    }

    /** A hand-made profile of {@link #small}. */
    public static DatasetProfile smallProfile() {
        ColumnProfile price = new ColumnProfile("price", ColumnKind.DECIMAL, 3, 1, 2, 1.25, 3.5, 2.375, 1.59,
                1.25, 2.375, 3.5, List.of(),
                List.of(new ColumnProfile.HistogramBin(1.25, 2.375, 1), new ColumnProfile.HistogramBin(2.375, 3.5, 1)),
                List.of());
        ColumnProfile city = new ColumnProfile("city", ColumnKind.TEXT, 3, 0, 2, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                List.of(new ColumnProfile.ValueCount("Oslo", 2), new ColumnProfile.ValueCount("Lima", 1)),
                List.of(), List.of("id_like", "duplicate_of:town"));
        return new DatasetProfile(3, List.of(price, city), "city");
    }

    /** A data source whose loading a test scripts. */
    public static final class ScriptedSource implements DataSource {
        /** What load does; by default returns {@link #small}. */
        public Loader loader = (file, options, progress, cancel) -> small(file);
        public CsvOptions lastOptions;
        public CancelToken lastToken;
        public int profiles;

        @Override
        public LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
                throws BadInputException {
            lastOptions = options;
            lastToken = cancel;
            return loader.load(file, options, progress, cancel);
        }

        @Override
        public DatasetProfile profile(LoadedData data) {
            profiles++;
            return smallProfile();
        }
    }

    /** The signature of {@link DataSource#load}. */
    @FunctionalInterface
    public interface Loader {
        LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
                throws BadInputException;
    }
}
