package org.automlwb.ui.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;

/**
 * The editable range of one hyperparameter: low and high as typed, log scale, or the choices switched on.
 * Checked as the user types; {@link #errorProperty()} says what is wrong in plain words.
 */
public final class ParamEditor {
    /** One choice of a choice parameter, on or off. */
    public record Choice(String value, BooleanProperty on) { }

    private final Param declared;
    private final StringProperty low = new SimpleStringProperty("");
    private final StringProperty high = new SimpleStringProperty("");
    private final BooleanProperty log = new SimpleBooleanProperty();
    private final List<Choice> choices;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param declared the algorithm's own range, which also gives the name, help and condition */
    public ParamEditor(Param declared) {
        this.declared = declared;
        choices = declared instanceof ChoiceParam c
                ? c.choices().stream().map(v -> new Choice(v, new SimpleBooleanProperty(true))).toList() : List.of();
        set(declared);
        low.addListener(this::check);
        high.addListener(this::check);
        log.addListener(this::check);
        choices.forEach(c -> c.on().addListener(this::check));
        check(null);
    }

    public String name() { return declared.name(); }
    /** What the parameter does, in plain words, for a tooltip. */
    public String help() { return declared.help(); }
    public boolean isChoice() { return declared instanceof ChoiceParam; }
    public boolean isInteger() { return declared instanceof IntParam; }
    public StringProperty lowProperty() { return low; }
    public StringProperty highProperty() { return high; }
    public BooleanProperty logProperty() { return log; }
    public List<Choice> choices() { return choices; }
    /** Empty when the range is valid, else one sentence. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public boolean isValid() { return error.get().isEmpty(); }

    /** The declared range, for a reset or a preset. */
    public Param declared() { return declared; }

    /** Shows {@code p} (same name and type as the declared parameter). */
    public void set(Param p) {
        if (p instanceof IntParam i) {
            low.set(Integer.toString(i.low()));
            high.set(Integer.toString(i.high()));
            log.set(i.log());
        } else if (p instanceof RealParam r) {
            low.set(number(r.low()));
            high.set(number(r.high()));
            log.set(r.log());
        } else if (p instanceof ChoiceParam c) {
            choices.forEach(ch -> ch.on().set(c.choices().contains(ch.value())));
        }
    }

    /** The edited range as a parameter, or empty while it is invalid. */
    public Optional<Param> toParam() {
        if (!isValid()) return Optional.empty();
        if (declared instanceof IntParam i) {
            return Optional.of(new IntParam(i.name(), (int) parse(low.get()), (int) parse(high.get()), log.get(),
                    i.help(), i.condition()));
        }
        if (declared instanceof RealParam r) {
            return Optional.of(new RealParam(r.name(), parse(low.get()), parse(high.get()), log.get(), r.help(),
                    r.condition()));
        }
        ChoiceParam c = (ChoiceParam) declared;
        return Optional.of(new ChoiceParam(c.name(), choices.stream().filter(ch -> ch.on().get()).map(Choice::value)
                .toList(), c.help(), c.condition()));
    }

    private void check(Observable ignored) {
        error.set(problem());
    }

    private String problem() {
        if (isChoice()) return choices.stream().anyMatch(c -> c.on().get()) ? "" : "Pick at least one choice.";
        String lowProblem = numberProblem("Low", low.get());
        if (!lowProblem.isEmpty()) return lowProblem;
        String highProblem = numberProblem("High", high.get());
        if (!highProblem.isEmpty()) return highProblem;
        double lo = parse(low.get());
        double hi = parse(high.get());
        if (lo > hi) return "Low (" + low.get().trim() + ") is above high (" + high.get().trim() + ").";
        if (log.get() && lo <= 0) return "A log scale needs a low above 0.";
        return "";
    }

    private String numberProblem(String which, String text) {
        double v = parse(text);
        if (text == null || text.isBlank()) return which + " is empty.";
        if (Double.isNaN(v)) return which + " '" + text.trim() + "' is not a number.";
        if (isInteger() && v != Math.rint(v)) return which + " must be a whole number.";
        if (isInteger() && Math.abs(v) > Integer.MAX_VALUE) return which + " is too large.";
        return "";
    }

    private static double parse(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
