package org.automlwb.ui.prepare;

import atlantafx.base.theme.Styles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.automlwb.data.ColumnKind;
import org.automlwb.prep.Step;

/**
 * The settings form of one step, built from the step record's components: column lists as checkable lists,
 * enums as combo boxes (a list of enum values as check boxes), whole numbers as spinners, other numbers and text
 * as fields (committed on Enter or leaving the field), flags as check boxes. Every valid change builds a new
 * step and hands it to {@code onChange}.
 */
final class StepForm extends VBox {
    private final Step step;
    private final Object[] values;
    private final RecordComponent[] components;
    private final Consumer<Step> onChange;

    /**
     * @param step     the step to edit
     * @param columns  the data's columns (name → type), offered in column lists; the target is left out
     * @param target   the target column
     */
    StepForm(Step step, Map<String, ColumnKind> columns, String target, Consumer<Step> onChange) {
        this.step = step;
        this.onChange = onChange;
        this.components = step.getClass().getRecordComponents();
        this.values = new Object[components.length];
        setSpacing(6);
        getStyleClass().add("step-form");
        Label title = new Label(StepKind.of(step).title());
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label(step.describe());
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(title, what);
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i]);
            Label label = new Label(words(components[i].getName()));
            label.getStyleClass().add("field-label");
            getChildren().addAll(label, editor(i, columns, target));
        }
    }

    private Object read(RecordComponent c) {
        try {
            return c.getAccessor().invoke(step);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private Node editor(int i, Map<String, ColumnKind> columns, String target) {
        RecordComponent c = components[i];
        Class<?> type = c.getType();
        Object value = values[i];
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            if (element.isEnum()) return enumChecks(i, element, (List<?>) value);
            return columnList(i, columns, target, castStrings(value));
        }
        if (type.isEnum()) {
            ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(type.getEnumConstants()));
            box.setId("step-choice-" + c.getName());
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override public String toString(Object o) { return o == null ? "" : words(((Enum<?>) o).name()); }
                @Override public Object fromString(String text) { return null; }
            });
            box.setValue(value);
            box.valueProperty().addListener((obs, o, v) -> commit(i, v));
            return box;
        }
        if (type == int.class) {
            Spinner<Integer> spinner = new Spinner<>(0, 1_000_000, (Integer) value);
            spinner.setEditable(true);
            spinner.valueProperty().addListener((obs, o, v) -> commit(i, v));
            return spinner;
        }
        if (type == boolean.class) {
            CheckBox box = new CheckBox("yes");
            box.setSelected((Boolean) value);
            box.selectedProperty().addListener((obs, o, v) -> commit(i, v));
            return box;
        }
        if (type == String.class && c.getName().equals("column")) {
            List<String> names = new ArrayList<>(columns.keySet());
            names.remove(target);
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(names));
            box.setValue((String) value);
            box.valueProperty().addListener((obs, o, v) -> commit(i, v));
            return box;
        }
        return textField(i, type);
    }

    private Node textField(int i, Class<?> type) {
        TextField field = new TextField(values[i] == null ? "" : format(values[i]));
        field.setId("step-field-" + components[i].getName());
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, "field-error");
        error.setManaged(false);
        Runnable apply = () -> {
            String text = field.getText().trim();
            Object parsed;
            if (type == String.class) {
                parsed = text.isEmpty() ? null : text;
            } else if (text.isEmpty() && type == Double.class) {
                parsed = null;
            } else {
                try {
                    parsed = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    error.setText("'" + text + "' is not a number.");
                    error.setManaged(true);
                    return;
                }
            }
            error.setText("");
            error.setManaged(false);
            commit(i, parsed);
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) apply.run();
        });
        return new VBox(2, field, error);
    }

    private Node enumChecks(int i, Class<?> element, List<?> chosen) {
        FlowPane pane = new FlowPane(10, 4);
        Set<Object> on = new LinkedHashSet<>(chosen);
        for (Object constant : element.getEnumConstants()) {
            CheckBox box = new CheckBox(words(((Enum<?>) constant).name().toLowerCase(Locale.ROOT)));
            box.setSelected(on.contains(constant));
            box.selectedProperty().addListener((obs, o, v) -> {
                if (v) on.add(constant); else on.remove(constant);
                // Keep the enum's own order, whatever the click order.
                List<Object> ordered = new ArrayList<>();
                for (Object k : element.getEnumConstants()) if (on.contains(k)) ordered.add(k);
                commit(i, ordered);
            });
            pane.getChildren().add(box);
        }
        return pane;
    }

    private Node columnList(int i, Map<String, ColumnKind> columns, String target, List<String> chosen) {
        List<String> names = new ArrayList<>(columns.keySet());
        names.remove(target);
        for (String c : chosen) if (!names.contains(c)) names.add(c); // made by an earlier step
        Set<String> on = new LinkedHashSet<>(chosen);
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(names));
        list.setId("step-columns");
        list.setPrefHeight(Math.min(8, Math.max(3, names.size())) * 26 + 4);
        list.setCellFactory(CheckBoxListCell.forListView(name -> {
            BooleanProperty p = new SimpleBooleanProperty(on.contains(name));
            p.addListener((obs, o, v) -> {
                if (v) on.add(name); else on.remove(name);
                commit(i, names.stream().filter(on::contains).toList());
            });
            return p;
        }));
        Label hint = new Label("None checked: every column the step applies to.");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return new VBox(2, list, hint);
    }

    private void commit(int i, Object value) {
        values[i] = value;
        Step next;
        try {
            Class<?>[] types = new Class<?>[components.length];
            for (int k = 0; k < components.length; k++) types[k] = components[k].getType();
            Constructor<?> canonical = step.getClass().getDeclaredConstructor(types);
            next = (Step) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            return; // the record refused the values; the form keeps showing them and the step is unchanged
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        onChange.accept(next);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return v.toString();
    }

    /** "minFraction" → "Min fraction", "day_of_week" → "Day of week". */
    static String words(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT)
                .replace("at fit", "in training"); // WHEN_MISSING_AT_FIT reads "When missing in training"
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
