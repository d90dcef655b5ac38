package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.MalformedRowPolicy;
import org.automlwb.ui.dialog.OpenOptionsViewModel;
import org.automlwb.ui.dialog.OpenOptionsViewModel.Delimiter;
import org.automlwb.ui.dialog.OpenOptionsViewModel.HeaderChoice;
import org.junit.jupiter.api.Test;

/** The "Open with options…" form mapped to {@link CsvOptions}. */
class OpenOptionsViewModelTest {
    @Test
    void anUntouchedFormMeansTheDefaults() {
        assertEquals(CsvOptions.defaults(), new OpenOptionsViewModel().toOptions());
    }

    @Test
    void everyFieldMapsToItsOption() {
        OpenOptionsViewModel form = new OpenOptionsViewModel();
        form.delimiterProperty().set(Delimiter.SEMICOLON);
        form.encodingProperty().set("windows-1252");
        form.headerProperty().set(HeaderChoice.NO);
        form.missingTokensProperty().set(" -, n/a ,, NA ");
        form.skipBadRowsProperty().set(true);

        CsvOptions o = form.toOptions();
        assertEquals(';', o.delimiter());
        assertEquals("windows-1252", o.charset().name());
        assertEquals(Boolean.FALSE, o.header());
        assertEquals(Set.of("-", "n/a", "NA"), o.missingTokens());
        assertEquals(MalformedRowPolicy.SKIP, o.malformedRows());
        assertNull(o.quote(), "not on the form: still sniffed");
    }

    @Test
    void keepingNaAsACategoryTakesItOutOfTheMissingTokens() {
        OpenOptionsViewModel form = new OpenOptionsViewModel();
        form.keepNaAsCategoryProperty().set(true);
        Set<String> tokens = form.toOptions().missingTokens();
        assertFalse(tokens.contains("NA"));
        assertEquals(Set.of("N/A", "null", "NaN", "?"), tokens);
    }

    @Test
    void anUnknownEncodingIsInvalid() {
        OpenOptionsViewModel form = new OpenOptionsViewModel();
        form.encodingProperty().set("no-such-charset");
        assertFalse(form.isValid());
        assertThrows(IllegalStateException.class, form::toOptions);
    }

    @Test
    void optionsRoundTripThroughTheForm() {
        CsvOptions original = CsvOptions.defaults().withDelimiter('\t').withCharset(StandardCharsets.UTF_16)
                .withHeader(true).withMissingTokens(Set.of("N/A", "null", "NaN", "?"))
                .withMalformedRows(MalformedRowPolicy.SKIP);
        OpenOptionsViewModel form = new OpenOptionsViewModel();
        form.setFrom(original);
        assertEquals(Delimiter.TAB, form.delimiterProperty().get());
        assertEquals(HeaderChoice.YES, form.headerProperty().get());
        assertEquals(true, form.keepNaAsCategoryProperty().get());
        assertEquals(original, form.toOptions());
    }
}
