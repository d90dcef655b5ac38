package org.automlwb.ui.prepare;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One step in the recipe list: on/off check box, number and title, its description; dragged to reorder. */
final class StepCell extends ListCell<RecipeDraft.Item> {
    private static final String DRAG_PREFIX = "recipe-step:";
    private final PrepareViewModel vm;
    private final CheckBox enabled = new CheckBox();
    private final Label title = new Label();
    private final Label detail = new Label();
    private final HBox box;

    StepCell(PrepareViewModel vm) {
        this.vm = vm;
        title.getStyleClass().add("step-title");
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox text = new VBox(2, title, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(8, enabled, text);
        box.setAlignment(Pos.TOP_LEFT);
        enabled.setTooltip(new Tooltip("Switch the step off to try the recipe without it; it stays in the list."));
        enabled.setOnAction(e -> {
            if (getIndex() >= 0 && getIndex() < vm.items().size()) vm.setEnabled(getIndex(), enabled.isSelected());
        });
        setOnDragDetected(e -> {
            if (isEmpty()) return;
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + getIndex());
            startDragAndDrop(TransferMode.MOVE).setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getGestureSource() != this && draggedIndex(e.getDragboard().getString()) >= 0) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            int from = draggedIndex(e.getDragboard().getString());
            int to = isEmpty() ? vm.items().size() - 1 : getIndex();
            if (from >= 0) vm.move(from, to);
            e.setDropCompleted(from >= 0);
            e.consume();
        });
    }

    private static int draggedIndex(String s) {
        if (s == null || !s.startsWith(DRAG_PREFIX)) return -1;
        return Integer.parseInt(s.substring(DRAG_PREFIX.length()));
    }

    @Override
    protected void updateItem(RecipeDraft.Item item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        enabled.setSelected(item.enabled());
        title.setText((getIndex() + 1) + ".  " + StepKind.of(item.step()).title());
        detail.setText(item.step().describe());
        box.setOpacity(item.enabled() ? 1.0 : 0.55);
        setGraphic(box);
        // Wrap to the list's width rather than widening the cell.
        if (getListView() != null) detail.setPrefWidth(getListView().getWidth() - 70);
    }
}
