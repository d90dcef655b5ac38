package org.automlwb.ui.profile;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.DatasetProfile;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.grid.KindNames;

/**
 * The side panel: the profile of the selected column as display-ready lines, flags and chart bars.
 * Recomputed on the UI thread from the finished {@link DatasetProfile} (cheap: a few dozen values).
 */
public final class ProfileViewModel {
    private final ObjectProperty<DatasetProfile> profile = new SimpleObjectProperty<>();
    private final StringProperty selectedColumn = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<ColumnProfile> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> columnNames = FXCollections.observableArrayList();
    private final ObservableList<Stat> stats = FXCollections.observableArrayList();
    private final ObservableList<String> flags = FXCollections.observableArrayList();
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper("");

    public ProfileViewModel() {
        profile.addListener((obs, old, p) -> {
            columnNames.setAll(p == null ? List.of() : p.columns().stream().map(ColumnProfile::name).toList());
            update();
        });
        selectedColumn.addListener((obs, old, name) -> update());
    }

    /** The dataset profile, null while it is being computed. */
    public ObjectProperty<DatasetProfile> profileProperty() { return profile; }
    /** The column shown; shared with the grid's selection. */
    public StringProperty selectedColumnProperty() { return selectedColumn; }
    /** The selected column's profile, or null. */
    public ReadOnlyObjectProperty<ColumnProfile> currentProperty() { return current.getReadOnlyProperty(); }
    public ObservableList<String> columnNames() { return columnNames; }
    public ObservableList<Stat> stats() { return stats; }
    /** Warnings in words, e.g. "Looks like an ID". */
    public ObservableList<String> flags() { return flags; }
    public ObservableList<Bar> bars() { return bars; }
    public ReadOnlyStringProperty chartTitleProperty() { return chartTitle.getReadOnlyProperty(); }

    private void update() {
        ColumnProfile c = find(profile.get(), selectedColumn.get());
        current.set(c);
        if (c == null) {
            stats.clear();
            flags.clear();
            bars.clear();
            chartTitle.set("");
            return;
        }
        stats.setAll(statsOf(c));
        List<String> notes = new ArrayList<>(c.flags().stream().map(ProfileViewModel::flagText).toList());
        // The number rule changes values silently otherwise: say it next to the other warnings of the column.
        String numberNote = c.numberNote();
        if (!numberNote.isEmpty()) notes.add(Character.toUpperCase(numberNote.charAt(0)) + numberNote.substring(1));
        flags.setAll(notes);
        boolean histogram = c.kind().isNumeric() && !c.histogram().isEmpty();
        if (histogram) {
            bars.setAll(c.histogram().stream().map(b -> new Bar(Fmt.shortNumber(b.low()), b.count())).toList());
            chartTitle.set("Distribution (" + c.histogram().size() + " bins)");
        } else if (c.topValues().stream().anyMatch(v -> v.count() > 1)) {
            bars.setAll(c.topValues().stream().map(v -> new Bar(truncate(v.value()), v.count())).toList());
            chartTitle.set("Most frequent values");
        } else {
            // Every value occurs once (names, IDs): a chart of equal bars says nothing.
            bars.clear();
            chartTitle.set("");
        }
    }

    private static ColumnProfile find(DatasetProfile p, String name) {
        if (p == null || name == null) return null;
        return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    static List<Stat> statsOf(ColumnProfile c) {
        List<Stat> out = new ArrayList<>();
        out.add(new Stat("Type", KindNames.longName(c.kind())));
        out.add(new Stat("Rows", Fmt.count(c.count())));
        out.add(new Stat("Missing", Fmt.count(c.missing()) + " (" + Fmt.percent(c.missingPercent()) + ")"));
        out.add(new Stat("Distinct", Fmt.count(c.distinct())));
        if (c.kind().isNumeric()) {
            out.add(new Stat("Min", Fmt.number(c.min())));
            out.add(new Stat("Q1", Fmt.number(c.q1())));
            out.add(new Stat("Median", Fmt.number(c.median())));
            out.add(new Stat("Q3", Fmt.number(c.q3())));
            out.add(new Stat("Max", Fmt.number(c.max())));
            out.add(new Stat("Mean", Fmt.number(c.mean())));
            out.add(new Stat("Std dev", Fmt.number(c.std())));
        }
        return out;
    }

    static String flagText(String flag) {
        if (flag.startsWith("duplicate_of:")) return "Same values as '" + flag.substring("duplicate_of:".length()) + "'";
        return switch (flag) {
            case "constant" -> "Constant: one value only";
            case "id_like" -> "Looks like an ID";
            case "all_missing" -> "All values missing";
            default -> flag.replace('_', ' ');
        };
    }

    private static String truncate(String s) {
        if (s == null) return "";
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }
}
