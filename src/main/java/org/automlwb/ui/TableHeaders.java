package org.automlwb.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Column headers shown whole: each column of a table is kept at least as wide as its header's text, so that a
 * narrow window or a squeezing resize policy gives the table a scroll bar instead of a header cut to "Vali…".
 */
public final class TableHeaders {
    /** The header's padding, both sides, and room for a sort arrow, in pixels. */
    private static final double PADDING = 30;
    /** The themes' header font: bold at the default size (AtlantaFX draws headers bold). */
    private static final Font HEADER = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
            Math.max(14, Font.getDefault().getSize()));

    private TableHeaders() { }

    /** Keeps every column of {@code table}, those added later too, at least as wide as its header's text. */
    public static void fit(TableView<?> table) {
        table.getColumns().forEach(TableHeaders::fit);
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c -> {
            while (c.next()) c.getAddedSubList().forEach(TableHeaders::fit);
        });
    }

    private static void fit(TableColumn<?, ?> column) {
        double own = column.getMinWidth();
        Runnable apply = () -> column.setMinWidth(Math.max(own, width(column.getText())));
        column.textProperty().addListener((obs, o, n) -> apply.run());
        apply.run();
    }

    /** The header's width for {@code text}: the text in the header font, plus padding. */
    public static double width(String text) {
        if (text == null || text.isEmpty()) return PADDING;
        Text t = new Text(text);
        t.setFont(HEADER);
        return Math.ceil(t.getLayoutBounds().getWidth()) + PADDING;
    }
}
