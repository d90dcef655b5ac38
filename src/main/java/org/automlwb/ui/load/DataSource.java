package org.automlwb.ui.load;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.Profiler;

/** Loading and profiling as the desktop app calls them; injected so view models are tested with fakes. */
public interface DataSource {
    /** See {@link CsvLoader#load(Path, CsvOptions, ProgressListener, CancelToken)}. Runs on a worker thread. */
    LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
            throws BadInputException;

    /** See {@link Profiler#profile(LoadedData)}. Runs on a worker thread. */
    DatasetProfile profile(LoadedData data);

    /** The real thing: {@link CsvLoader} and {@link Profiler}. */
    static DataSource csv() {
        return new DataSource() {
            @Override
            public LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
                    throws BadInputException {
                // Told apart from other bad input so the recent-files list can forget a file that is gone.
                if (!Files.exists(file)) throw new UncheckedIOException(new NoSuchFileException(file.toString()));
                return CsvLoader.load(file, options, progress, cancel);
            }

            @Override
            public DatasetProfile profile(LoadedData data) {
                return Profiler.profile(data);
            }
        };
    }
}
