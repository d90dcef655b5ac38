package org.automlwb.ui.dialog;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.MalformedRowPolicy;

/** The form of the "Open with options…" dialog, and its mapping to {@link CsvOptions}. */
public final class OpenOptionsViewModel {
    /** The encoding entry that means "detect it". */
    public static final String AUTO_ENCODING = "Detect automatically";
    /** Encodings offered in the list (the user may type another). */
    public static final List<String> ENCODINGS =
            List.of(AUTO_ENCODING, "UTF-8", "UTF-16", "windows-1252", "ISO-8859-1");

    /** The token that "keep NA as a category" takes out of the missing tokens. */
    static final String NA = "NA";

    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(Delimiter.AUTO);
    private final StringProperty encoding = new SimpleStringProperty(AUTO_ENCODING);
    private final ObjectProperty<HeaderChoice> header = new SimpleObjectProperty<>(HeaderChoice.AUTO);
    private final StringProperty missingTokens =
            new SimpleStringProperty(String.join(", ", sortedDefaults()));
    private final BooleanProperty keepNaAsCategory = new SimpleBooleanProperty(false);
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty(false);

    public ObjectProperty<Delimiter> delimiterProperty() { return delimiter; }
    public StringProperty encodingProperty() { return encoding; }
    public ObjectProperty<HeaderChoice> headerProperty() { return header; }
    public StringProperty missingTokensProperty() { return missingTokens; }
    public BooleanProperty keepNaAsCategoryProperty() { return keepNaAsCategory; }
    public BooleanProperty skipBadRowsProperty() { return skipBadRows; }

    /** The encoding as typed, or null when it is not a charset Java knows (the dialog disables Open then). */
    public Charset charsetOrNull() {
        String e = encoding.get() == null ? "" : encoding.get().strip();
        if (e.isEmpty() || e.equals(AUTO_ENCODING)) return null;
        try {
            return Charset.forName(e);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Whether the form can be turned into options (the encoding names a known charset). */
    public boolean isValid() {
        String e = encoding.get() == null ? "" : encoding.get().strip();
        return e.isEmpty() || e.equals(AUTO_ENCODING) || charsetOrNull() != null;
    }

    /** The missing tokens the form stands for: the typed list, minus NA when NA is kept as a category. */
    public Set<String> missingTokenSet() {
        Set<String> tokens = Arrays.stream(missingTokens.get() == null ? new String[0] : missingTokens.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (keepNaAsCategory.get()) tokens.remove(NA);
        return tokens;
    }

    /** The options to load with; parts left on "automatic" stay null so the loader sniffs them. */
    public CsvOptions toOptions() {
        if (!isValid()) throw new IllegalStateException("unknown encoding: " + encoding.get());
        HeaderChoice h = header.get();
        return CsvOptions.defaults()
                .withDelimiter(delimiter.get() == null ? null : delimiter.get().character())
                .withCharset(charsetOrNull())
                .withHeader(h == null ? null : h.value())
                .withMissingTokens(missingTokenSet())
                .withTypeOverrides(Map.of())
                .withMalformedRows(skipBadRows.get() ? MalformedRowPolicy.SKIP : MalformedRowPolicy.FAIL);
    }

    /** Fills the form from {@code options} (the reverse of {@link #toOptions()}). */
    public void setFrom(CsvOptions options) {
        delimiter.set(Delimiter.of(options.delimiter()));
        encoding.set(options.charset() == null ? AUTO_ENCODING : options.charset().name());
        header.set(options.header() == null ? HeaderChoice.AUTO : options.header() ? HeaderChoice.YES : HeaderChoice.NO);
        Set<String> tokens = options.missingTokens();
        keepNaAsCategory.set(!tokens.contains(NA) && tokens.containsAll(without(CsvOptions.DEFAULT_MISSING, NA)));
        missingTokens.set(String.join(", ", tokens.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()));
        skipBadRows.set(options.malformedRows() == MalformedRowPolicy.SKIP);
    }

    private static List<String> sortedDefaults() {
        return CsvOptions.DEFAULT_MISSING.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static Set<String> without(Set<String> set, String item) {
        return set.stream().filter(s -> !s.equals(item)).collect(Collectors.toSet());
    }

    /** The delimiter choices. */
    public enum Delimiter {
        AUTO("Detect automatically", null), COMMA("Comma  ,", ','), SEMICOLON("Semicolon  ;", ';'),
        TAB("Tab", '\t'), PIPE("Pipe  |", '|');

        private final String label;
        private final Character character;

        Delimiter(String label, Character character) {
            this.label = label;
            this.character = character;
        }

        public Character character() { return character; }

        static Delimiter of(Character c) {
            for (Delimiter d : values()) if (d.character != null && d.character.equals(c)) return d;
            return AUTO;
        }

        @Override public String toString() { return label; }
    }

    /** Whether the first row holds column names. */
    public enum HeaderChoice {
        AUTO("Detect automatically", null), YES("First row holds column names", true),
        NO("No header row: the first row is data", false);

        private final String label;
        private final Boolean value;

        HeaderChoice(String label, Boolean value) {
            this.label = label;
            this.value = value;
        }

        public Boolean value() { return value; }

        @Override public String toString() { return label; }
    }
}
