package org.automlwb.ui;

import javafx.beans.value.ChangeListener;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.search.SearchPreset;
import org.automlwb.ui.welcome.SampleFile;

/**
 * One click from the welcome screen to a live leaderboard: opens a sample, takes its target (the catalogue's, or
 * the profile's suggestion), and starts a {@link SearchPreset#QUICK} run as soon as the task is known. Whatever
 * stops the way (the file fails to load, the target does not fit, another file is opened) drops the plan and
 * leaves the user where it stopped, with that view's own message.
 */
final class QuickRun {
    private final WorkbenchViewModel vm;
    private SampleFile pending;

    QuickRun(WorkbenchViewModel vm) {
        this.vm = vm;
        // Change listeners, not invalidation listeners: those stay silent until someone reads the value again.
        ChangeListener<Object> advance = (obs, o, n) -> advance();
        vm.load().stateProperty().addListener(advance);
        vm.load().profilingProperty().addListener(advance);
        vm.session().targetProperty().addListener(advance);
        vm.target().taskProperty().addListener(advance);
        vm.target().problemProperty().addListener(advance);
    }

    /** Opens {@code sample} and runs on it once it is ready; ignored while a run is going. */
    void start(SampleFile sample) {
        if (vm.run().getPhase().active()) return;
        pending = sample;
        vm.open(sample.path());
    }

    private void advance() {
        SampleFile s = pending;
        if (s == null || vm.load().getState() == LoadState.LOADING) return;
        LoadedData data = vm.load().getData();
        if (vm.load().getState() != LoadState.READY || data == null || !data.source().equals(s.path())) {
            pending = null; // the load failed or was cancelled, or another file is open
            return;
        }
        String target = vm.session().targetProperty().get();
        if (s.target() != null && !s.target().equals(target) && data.table().columnNames().contains(s.target())) {
            vm.session().targetProperty().set(s.target()); // comes back here once the task is detected
            return;
        }
        if (target == null) {
            if (!vm.load().profilingProperty().get() && vm.load().getProfile() == null) pending = null;
            return; // the profile's suggestion is still to come
        }
        if (!vm.target().problemProperty().get().isEmpty()) {
            pending = null; // the Data view shows why this target cannot be learnt
            return;
        }
        if (vm.target().taskProperty().get() == null) return; // still detecting
        pending = null;
        vm.search().applyPreset(SearchPreset.QUICK);
        if (!vm.search().problemProperty().get().isEmpty()) return;
        vm.stepProperty().set(Step.RUN);
        vm.run().start();
    }
}
