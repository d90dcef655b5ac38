package org.automlwb.data;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;

/** Access to the odd and broken CSV files under src/test/resources/csv. */
final class Corpus {
    private Corpus() { }

    static Path path(String name) {
        try {
            return Path.of(Corpus.class.getResource("/csv/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test file csv/" + name, e);
        }
    }

    static LoadedData load(String name) throws BadInputException {
        return CsvLoader.load(path(name));
    }

    static LoadedData load(String name, CsvOptions options) throws BadInputException {
        return CsvLoader.load(path(name), options, ProgressListener.none(), CancelToken.none());
    }

    static CsvOptions skipBad() {
        return CsvOptions.defaults().withMalformedRows(MalformedRowPolicy.SKIP);
    }

    static CsvOptions overrides(Map<String, ColumnKind> kinds) {
        return CsvOptions.defaults().withTypeOverrides(kinds);
    }

    static CsvOptions missing(Set<String> tokens) {
        return CsvOptions.defaults().withMissingTokens(tokens);
    }
}
