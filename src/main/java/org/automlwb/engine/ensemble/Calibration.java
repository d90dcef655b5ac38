package org.automlwb.engine.ensemble;

import java.util.Objects;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;

/**
 * A fitted map from a model's probabilities to better calibrated ones, chosen to lower log loss.
 * <ul>
 *   <li>{@link Kind#PLATT} (binary): {@code p1' = σ(slope · logit(clip(p1)) + intercept)}, {@code p0' = 1 - p1'}
 *       (Platt scaling on the probability of class 1).</li>
 *   <li>{@link Kind#TEMPERATURE} (multiclass): {@code p_c' ∝ exp(log(clip(p_c)) / temperature)}, i.e.
 *       {@code p_c'} proportional to {@code p_c^(1/T)}: T above 1 softens an overconfident model, below 1
 *       sharpens an underconfident one, and the most probable class never changes.</li>
 *   <li>{@link Kind#IDENTITY}: no change (regression, or when calibrating does not help).</li>
 * </ul>
 * Probabilities are clipped to {@code [EPS, 1-EPS]} ({@link org.automlwb.engine.Metrics#EPS}) before the log, as
 * log loss clips them. Plain fields only, so Jackson writes and reads it as is; the fields a kind does not use
 * hold their neutral values (slope 1, intercept 0, temperature 1).
 *
 * @param kind        which map
 * @param slope       Platt's a (finite); 1 otherwise
 * @param intercept   Platt's b (finite); 0 otherwise
 * @param temperature the temperature T (finite, above 0); 1 otherwise
 */
public record Calibration(Kind kind, double slope, double intercept, double temperature) {
    /** Which map a calibration applies. */
    public enum Kind {
        /** No change. */
        IDENTITY,
        /** Platt scaling of the probability of class 1 (binary). */
        PLATT,
        /** Temperature scaling of every class's probability (multiclass). */
        TEMPERATURE
    }

    /** The temperature is fitted within [1/MAX_TEMPERATURE, MAX_TEMPERATURE], so it stays finite and positive. */
    public static final double MAX_TEMPERATURE = 1e3;

    /** Penalty pulling Platt's (a, b) towards (1, 0): it only matters where the rows separate perfectly. */
    private static final double PLATT_PENALTY = 1e-6;
    private static final int MAX_ITERATIONS = 100;

    /**
     * Checks the fields.
     *
     * @param kind        which map
     * @param slope       Platt's a; 1 for the other kinds
     * @param intercept   Platt's b; 0 for the other kinds
     * @param temperature T; 1 for the other kinds
     * @throws IllegalArgumentException when a value is not finite or a field unused by the kind is not neutral
     */
    public Calibration {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("Platt parameters must be finite: " + slope + ", " + intercept);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite: " + temperature);
        }
        boolean plattNeutral = slope == 1 && intercept == 0;
        boolean ok = switch (kind) {
            case IDENTITY -> plattNeutral && temperature == 1;
            case PLATT -> temperature == 1;
            case TEMPERATURE -> plattNeutral;
        };
        if (!ok) {
            throw new IllegalArgumentException(kind + " calibration with unused fields set: slope " + slope
                    + ", intercept " + intercept + ", temperature " + temperature);
        }
    }

    /**
     * No change.
     *
     * @return the identity calibration
     */
    public static Calibration identity() { return new Calibration(Kind.IDENTITY, 1, 0, 1); }

    /**
     * Platt scaling {@code p1' = σ(slope · logit(p1) + intercept)}.
     *
     * @param slope     a, finite
     * @param intercept b, finite
     * @return the calibration
     */
    public static Calibration platt(double slope, double intercept) {
        return new Calibration(Kind.PLATT, slope, intercept, 1);
    }

    /**
     * Temperature scaling {@code p' ∝ p^(1/temperature)}.
     *
     * @param temperature T, finite and above 0
     * @return the calibration
     */
    public static Calibration temperature(double temperature) {
        return new Calibration(Kind.TEMPERATURE, 1, 0, temperature);
    }

    /**
     * Fits the calibration of the task to predictions of rows with known targets by minimising their log loss:
     * Platt for binary, temperature for multiclass, identity for regression. Rows whose class was never seen in
     * training (index -1) are left out; with no row left, the result is the identity.
     *
     * @param task        the task the predictions are for
     * @param targets     the true values of the rows
     * @param predictions a model's predictions of those rows (out-of-fold, so that the fit is honest)
     * @return the fitted calibration, of the kind that suits the task
     * @throws IllegalArgumentException when the predictions or targets do not fit the task or each other
     */
    public static Calibration fit(TaskType task, Targets targets, Predictions predictions) {
        Objects.requireNonNull(task, "task");
        if (targets.size() != predictions.size()) {
            throw new IllegalArgumentException("targets have " + targets.size() + " rows, predictions " + predictions.size());
        }
        if (task.isClassification() != targets.isClassification()
                || task.isClassification() != predictions.isClassification()) {
            throw new IllegalArgumentException("targets or predictions do not fit a " + task.key() + " task");
        }
        if (!task.isClassification()) return identity();
        int k = targets.classNames().size();
        for (double[] row : predictions.probabilities()) {
            if (row.length != k) throw new IllegalArgumentException(row.length + " probability columns for " + k + " classes");
        }
        if (task == TaskType.BINARY && k != 2) throw new IllegalArgumentException("binary task with " + k + " classes");
        return task == TaskType.BINARY ? fitPlatt(targets, predictions) : fitTemperature(targets, predictions);
    }

    /**
     * The calibrated predictions (new arrays; the input is not modified). Regression values and the identity
     * return the input itself.
     *
     * @param predictions a model's predictions of some rows
     * @return the calibrated predictions
     * @throws IllegalArgumentException when Platt scaling meets other than two probability columns
     */
    public Predictions apply(Predictions predictions) {
        if (kind == Kind.IDENTITY || !predictions.isClassification()) {
            if (kind != Kind.IDENTITY) throw new IllegalArgumentException(kind + " calibration of regression values");
            return predictions;
        }
        double[][] p = predictions.probabilities();
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            if (kind == Kind.PLATT) {
                if (p[i].length != 2) throw new IllegalArgumentException("Platt scaling needs 2 classes, not " + p[i].length);
                double t = slope * logit(p[i][1]) + intercept;
                out[i] = new double[] {sigmoid(-t), sigmoid(t)};
            } else {
                double a = 1 / temperature;
                double[] s = new double[p[i].length];
                for (int c = 0; c < s.length; c++) s[c] = a * Math.log(LogProbabilities.clip(p[i][c]));
                SoftmaxStackSolver.softmaxInPlace(s);
                out[i] = s;
            }
        }
        return Predictions.ofProbabilities(out);
    }

    /**
     * Newton's method on the two parameters of the convex objective
     * {@code mean_i [log(1 + e^{t_i}) - y_i t_i] + PLATT_PENALTY·((a-1)² + b²)}, {@code t_i = a·l_i + b},
     * with backtracking so every step lowers it.
     */
    private static Calibration fitPlatt(Targets targets, Predictions predictions) {
        int[] rows = knownRows(targets);
        if (rows.length == 0) return identity();
        double[] l = new double[rows.length];
        boolean[] y = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            l[r] = logit(predictions.probabilities()[rows[r]][1]);
            y[r] = targets.classIndex()[rows[r]] == 1;
        }
        double a = 1;
        double b = 0;
        double f = plattObjective(l, y, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double ga = 2 * PLATT_PENALTY * (a - 1);
            double gb = 2 * PLATT_PENALTY * b;
            double haa = 2 * PLATT_PENALTY;
            double hab = 0;
            double hbb = 2 * PLATT_PENALTY;
            int n = l.length;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * l[i] + b);
                double r = (p - (y[i] ? 1 : 0)) / n;
                double w = p * (1 - p) / n;
                ga += r * l[i];
                gb += r;
                haa += w * l[i] * l[i];
                hab += w * l[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double decrease = ga * da + gb * db; // directional derivative along the Newton step, < 0
            if (!(decrease < -1e-14)) break;
            double t = 1;
            double next = Double.NaN;
            for (int h = 0; h < 60; h++, t *= 0.5) {
                next = plattObjective(l, y, a + t * da, b + t * db);
                if (next <= f + 1e-4 * t * decrease) break;
            }
            if (!(next <= f + 1e-4 * t * decrease)) break;
            a += t * da;
            b += t * db;
            f = next;
        }
        return platt(a, b);
    }

    private static double plattObjective(double[] l, boolean[] y, double a, double b) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            double t = a * l[i] + b;
            // log(1 + e^t) - y t, written so that neither branch overflows
            s += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - (y[i] ? t : 0);
        }
        return s / l.length + PLATT_PENALTY * ((a - 1) * (a - 1) + b * b);
    }

    /**
     * Minimises the convex {@code L(a) = mean_i [logsumexp_c(a z_ic) - a z_i,y_i]}, {@code a = 1/T}, over
     * {@code [1/MAX_TEMPERATURE, MAX_TEMPERATURE]}: Newton steps ({@code L' = mean(E_p[z] - z_y)},
     * {@code L'' = mean(Var_p[z]) ≥ 0}) kept inside a bracket that the sign of L' shrinks, bisecting when a step
     * would leave it, so it cannot diverge.
     */
    private static Calibration fitTemperature(Targets targets, Predictions predictions) {
        int[] rows = knownRows(targets);
        if (rows.length == 0) return identity();
        int k = targets.classNames().size();
        float[][] z = new float[rows.length][k];
        int[] y = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] p = predictions.probabilities()[rows[r]];
            for (int c = 0; c < k; c++) z[r][c] = (float) Math.log(LogProbabilities.clip(p[c]));
            y[r] = targets.classIndex()[rows[r]];
        }
        double lo = 1 / MAX_TEMPERATURE;
        double hi = MAX_TEMPERATURE;
        double a = 1;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] d = temperatureDerivatives(z, y, a);
            if (d[0] > 0) hi = a; else lo = a;
            if (Math.abs(d[0]) < 1e-12 || hi - lo < 1e-12 * a) break;
            double next = d[1] > 0 ? a - d[0] / d[1] : Double.NaN;
            if (!(next > lo && next < hi)) next = Math.sqrt(lo * hi); // bisect on the log scale
            if (next == a) break;
            a = next;
        }
        return temperature(1 / a);
    }

    /** L'(a) and L''(a) of the temperature objective. */
    private static double[] temperatureDerivatives(float[][] z, int[] y, double a) {
        double g = 0;
        double h = 0;
        double[] s = new double[z[0].length];
        for (int i = 0; i < z.length; i++) {
            float[] zi = z[i];
            for (int c = 0; c < s.length; c++) s[c] = a * zi[c];
            SoftmaxStackSolver.softmaxInPlace(s);
            double mean = 0;
            double square = 0;
            for (int c = 0; c < s.length; c++) {
                mean += s[c] * zi[c];
                square += s[c] * zi[c] * zi[c];
            }
            g += mean - zi[y[i]];
            h += Math.max(0, square - mean * mean);
        }
        return new double[] {g / z.length, h / z.length};
    }

    private static int[] knownRows(Targets targets) {
        int k = targets.classNames().size();
        int[] idx = targets.classIndex();
        return java.util.stream.IntStream.range(0, idx.length).filter(i -> idx[i] >= 0 && idx[i] < k).toArray();
    }

    private static double logit(double p1) {
        double p = LogProbabilities.clip(p1);
        return Math.log(p) - Math.log1p(-p);
    }

    private static double sigmoid(double t) {
        if (t >= 0) return 1 / (1 + Math.exp(-t));
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
