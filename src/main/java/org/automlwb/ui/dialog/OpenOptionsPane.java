package org.automlwb.ui.dialog;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The form of the "Open with options…" dialog, bound to an {@link OpenOptionsViewModel}. */
final class OpenOptionsPane extends GridPane {
    OpenOptionsPane(OpenOptionsViewModel vm) {
        setHgap(12);
        setVgap(10);
        setPadding(new Insets(12, 20, 8, 20));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(300);
        getColumnConstraints().addAll(labels, fields);

        ComboBox<OpenOptionsViewModel.Delimiter> delimiter = new ComboBox<>();
        delimiter.getItems().setAll(OpenOptionsViewModel.Delimiter.values());
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        delimiter.setMaxWidth(Double.MAX_VALUE);

        ComboBox<String> encoding = new ComboBox<>();
        encoding.setEditable(true);
        encoding.getItems().setAll(OpenOptionsViewModel.ENCODINGS);
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        encoding.setMaxWidth(Double.MAX_VALUE);

        ComboBox<OpenOptionsViewModel.HeaderChoice> header = new ComboBox<>();
        header.getItems().setAll(OpenOptionsViewModel.HeaderChoice.values());
        header.valueProperty().bindBidirectional(vm.headerProperty());
        header.setMaxWidth(Double.MAX_VALUE);

        TextField missing = new TextField();
        missing.textProperty().bindBidirectional(vm.missingTokensProperty());
        missing.setPromptText("e.g. NA, N/A, null, ?");
        Label missingHelp = new Label("Comma-separated. Empty cells are always missing.");
        missingHelp.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        CheckBox keepNa = new CheckBox("Keep \"NA\" as a category (e.g. \"no alley\"), not as missing");
        keepNa.selectedProperty().bindBidirectional(vm.keepNaAsCategoryProperty());
        CheckBox skip = new CheckBox("Skip malformed rows (too few or too many fields) and count them");
        skip.selectedProperty().bindBidirectional(vm.skipBadRowsProperty());

        int r = 0;
        addRow(r++, new Label("Delimiter"), delimiter);
        addRow(r++, new Label("Encoding"), encoding);
        addRow(r++, new Label("Header"), header);
        addRow(r++, new Label("Missing values"), missing);
        add(missingHelp, 1, r++);
        add(keepNa, 1, r++);
        add(skip, 1, r);
    }
}
