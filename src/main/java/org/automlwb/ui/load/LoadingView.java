package org.automlwb.ui.load;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Css;
import org.automlwb.ui.task.FxThrottle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The veil shown over the window while a file loads: name, progress bar, bytes read, Cancel. It samples the
 * loader's progress at most ten times a second.
 */
public final class LoadingView extends VBox {
    /** How often progress reaches the screen. */
    static final long REFRESH_MILLIS = 100;

    public LoadingView(LoadViewModel vm) {
        setId("loading");
        getStylesheets().add(Css.stylesheet(Css.LOADING));
        getStyleClass().add(Css.LOADING_VEIL);
        setAlignment(Pos.CENTER);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(
                () -> vm.loadingFileProperty().get() == null ? "" : "Opening " + vm.loadingFileProperty().get().getFileName(),
                vm.loadingFileProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("load-progress");
        bar.setPrefWidth(380);
        bar.progressProperty().bind(vm.progressProperty());
        Label detail = new Label();
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.textProperty().bind(vm.progressTextProperty());
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("load-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());

        VBox card = new VBox(12, title, bar, detail, cancel);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add(Css.CARD);
        card.setMaxSize(460, USE_PREF_SIZE);
        getChildren().add(card);

        visibleProperty().bind(vm.stateProperty().isEqualTo(LoadState.LOADING));
        FxThrottle throttle = new FxThrottle(REFRESH_MILLIS, vm::refreshProgress);
        visibleProperty().addListener((obs, was, now) -> throttle.setRunning(now));
    }
}
