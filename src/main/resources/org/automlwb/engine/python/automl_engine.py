#!/usr/bin/env python3
"""AutoML Workbench's Python engine: a time-bounded search over scikit-learn pipelines (or auto-sklearn).

Started by the Java side (org.automlwb.engine.python) as a child process; the protocol is in
docs/python-engine.md. In short:

  automl_engine.py check                  one JSON line: versions of Python, scikit-learn, auto-sklearn, skl2onnx
  automl_engine.py search SPEC.json       one JSON line per finished model on stdout, then "search_ended"; reads the
                                          model to refit from stdin, writes the model file and "final"
  automl_engine.py predict SPEC.json      predictions of a saved model for a feature matrix
  automl_engine.py serve                  predict specs read from stdin, one per line, one answer line each

Data travels as raw little-endian arrays (float32 features row-major, float64 targets, int32 folds, float64
predictions): the Java side already holds the features as float32, and numpy reads these without pandas, which
Debian's python3-sklearn does not pull in. Only the standard library, numpy, scipy and scikit-learn are imported.
Everything for people goes to stderr (the run log); stdout carries protocol lines only.
"""

import json
import math
import os
import platform
import random
import sys
import time
import traceback

PROTOCOL = 1
# Exit codes the Java side tells apart: bad spec or data (2), engine not installed (3), anything else (1).
EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3

AUTO_SKLEARN_HINT = ("auto-sklearn is not installed for this Python: install it with "
                     "'pip install auto-sklearn' (it needs Linux, Python 3.7-3.10 and scikit-learn < 0.25), "
                     "or use --engine sklearn")


def emit(obj):
    """One protocol line on stdout, flushed at once so the Java side sees each model as it finishes."""
    sys.stdout.write(json.dumps(obj, allow_nan=False, default=_plain) + "\n")
    sys.stdout.flush()


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def _plain(v):
    """numpy scalars and the like, as JSON values."""
    if hasattr(v, "item"):
        return v.item()
    return str(v)


def _finite(x):
    return None if x is None or not math.isfinite(x) else float(x)


class BadInput(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------- check

def versions():
    out = {"event": "check", "protocol": PROTOCOL, "python": platform.python_version(),
           "executable": sys.executable}
    for key, module in (("numpy", "numpy"), ("scipy", "scipy"), ("sklearn", "sklearn"),
                        ("auto_sklearn", "autosklearn"), ("skl2onnx", "skl2onnx")):
        try:
            mod = __import__(module)
            out[key] = getattr(mod, "__version__", "unknown")
        except Exception as e:  # noqa: BLE001 - any import failure means "not usable here"
            out[key] = None
            out[key + "_error"] = "%s: %s" % (type(e).__name__, e)
    return out


# ------------------------------------------------------------------------------------------------------- data

def read_spec(path):
    try:
        with open(path, "r", encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise BadInput("cannot read the spec %s: %s" % (path, e))
    if spec.get("protocol") != PROTOCOL:
        raise BadInput("spec protocol %r, this script speaks %d" % (spec.get("protocol"), PROTOCOL))
    return spec


def read_matrix(path, rows, features):
    import numpy as np
    x = np.fromfile(path, dtype="<f4")
    if x.size != rows * features:
        raise BadInput("%s holds %d values, expected %d rows x %d features" % (path, x.size, rows, features))
    return x.reshape(rows, features)


def read_vector(path, rows, dtype):
    import numpy as np
    v = np.fromfile(path, dtype=dtype)
    if v.size != rows:
        raise BadInput("%s holds %d values, expected %d" % (path, v.size, rows))
    return v


def write_predictions(path, p):
    """Row-major float64, written under a temporary name and moved so a reader never sees half a file."""
    import numpy as np
    tmp = path + ".tmp"
    np.ascontiguousarray(p, dtype="<f8").tofile(tmp)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------- metrics

HIGHER_IS_BETTER = {"auc": True, "accuracy": True, "balanced_accuracy": True, "macro_f1": True,
                    "logloss": False, "rmse": False, "mae": False, "r2": True}


def metric_value(metric, y, p, k):
    """The run's metric, defined as the Java side's Metrics (itself scikit-learn's definitions)."""
    import numpy as np
    from sklearn import metrics as m
    if metric in ("rmse", "mae", "r2"):
        v = p[:, 0]
        if metric == "rmse":
            return float(np.sqrt(np.mean((y - v) ** 2)))
        if metric == "mae":
            return float(np.mean(np.abs(y - v)))
        return float(m.r2_score(y, v))
    yi = y.astype(int)
    if metric == "logloss":
        eps = 1e-15
        q = np.clip(p[np.arange(len(yi)), yi], eps, 1 - eps)
        return float(-np.mean(np.log(q)))
    pred = np.argmax(p, axis=1)
    if metric == "accuracy":
        return float(np.mean(pred == yi))
    if metric == "balanced_accuracy":
        return float(m.balanced_accuracy_score(yi, pred))
    if metric == "macro_f1":
        return float(m.f1_score(yi, pred, average="macro", labels=list(range(k)), zero_division=0))
    if metric == "auc":
        if k == 2:
            return float(m.roc_auc_score(yi, p[:, 1])) if len(set(yi.tolist())) == 2 else float("nan")
        aucs = [m.roc_auc_score(yi == c, p[:, c]) for c in range(k) if 0 < np.sum(yi == c) < len(yi)]
        return float(np.mean(aucs)) if aucs else float("nan")
    raise BadInput("unknown metric %r" % metric)


def better(metric, a, b):
    """Whether score a beats score b (NaN never beats anything)."""
    if a is None or not math.isfinite(a):
        return False
    if b is None or not math.isfinite(b):
        return True
    return a > b if HIGHER_IS_BETTER[metric] else a < b


# --------------------------------------------------------------------------------------------------- pipelines

ALGORITHMS_CLASSIFICATION = ["hist_gradient_boosting", "random_forest", "extra_trees", "logistic_regression"]
ALGORITHMS_REGRESSION = ["hist_gradient_boosting", "random_forest", "extra_trees", "ridge"]

# Strong defaults first, cheapest first (the portfolio), then random search over the spaces below.
PORTFOLIO = {
    "classification": [
        ("logistic_regression", {"C": 1.0}),
        ("hist_gradient_boosting", {"learning_rate": 0.1, "max_leaf_nodes": 31, "min_samples_leaf": 20,
                                    "l2_regularization": 0.0, "max_iter": 200}),
        ("random_forest", {"n_estimators": 100, "max_features": "sqrt", "min_samples_leaf": 1}),
        ("extra_trees", {"n_estimators": 100, "max_features": "sqrt", "min_samples_leaf": 1}),
        ("hist_gradient_boosting", {"learning_rate": 0.05, "max_leaf_nodes": 63, "min_samples_leaf": 10,
                                    "l2_regularization": 1.0, "max_iter": 400}),
    ],
    "regression": [
        ("ridge", {"alpha": 1.0}),
        ("hist_gradient_boosting", {"learning_rate": 0.1, "max_leaf_nodes": 31, "min_samples_leaf": 20,
                                    "l2_regularization": 0.0, "max_iter": 200}),
        ("random_forest", {"n_estimators": 100, "max_features": 1.0, "min_samples_leaf": 1}),
        ("extra_trees", {"n_estimators": 100, "max_features": 1.0, "min_samples_leaf": 1}),
        ("hist_gradient_boosting", {"learning_rate": 0.05, "max_leaf_nodes": 63, "min_samples_leaf": 10,
                                    "l2_regularization": 1.0, "max_iter": 400}),
    ],
}


def sample_config(algorithm, rng, classification):
    """One random configuration of an algorithm's space."""
    def loguniform(lo, hi):
        return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    if algorithm == "hist_gradient_boosting":
        return {"learning_rate": round(loguniform(0.01, 0.3), 5), "max_leaf_nodes": rng.randint(8, 128),
                "min_samples_leaf": rng.randint(2, 100),
                "l2_regularization": 0.0 if rng.random() < 0.3 else round(loguniform(1e-4, 10.0), 6),
                "max_iter": rng.choice([100, 200, 400, 800])}
    if algorithm in ("random_forest", "extra_trees"):
        return {"n_estimators": rng.choice([50, 100, 200, 300]),
                "max_features": rng.choice(["sqrt", 0.3, 0.5, 0.8, 1.0]),
                "min_samples_leaf": rng.choice([1, 2, 4, 8, 16])}
    if algorithm == "logistic_regression":
        return {"C": round(loguniform(1e-3, 100.0), 6)}
    if algorithm == "ridge":
        return {"alpha": round(loguniform(1e-3, 1000.0), 6)}
    raise BadInput("unknown algorithm %r" % algorithm)


def build_pipeline(algorithm, config, classification, categorical, threads, seed):
    """A full scikit-learn Pipeline: its own preprocessing of the features, then the estimator.

    Category columns arrive as codes 0, 1, 2, ...: one-hot encoded for linear models, kept as ordered codes for
    the forests, and split natively by histogram gradient boosting where it can (at most 255 categories).
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from sklearn import ensemble, linear_model

    n = len(categorical)
    cat_idx = [i for i in range(n) if categorical[i]]
    num_idx = [i for i in range(n) if not categorical[i]]
    if algorithm in ("logistic_regression", "ridge"):
        parts = []
        if num_idx:
            parts.append(("numeric", Pipeline([("impute", SimpleImputer(strategy="median")),
                                               ("scale", StandardScaler())]), num_idx))
        if cat_idx:
            parts.append(("categories", _one_hot(OneHotEncoder), cat_idx))
        pre = ColumnTransformer(parts, remainder="drop")
        if algorithm == "logistic_regression":
            est = linear_model.LogisticRegression(C=config["C"], max_iter=1000, random_state=seed)
        else:
            est = linear_model.Ridge(alpha=config["alpha"], random_state=seed)
        return Pipeline([("preprocess", pre), ("model", est)])
    pre = SimpleImputer(strategy="median", keep_empty_features=True) if _has_keep_empty() \
        else SimpleImputer(strategy="median")
    if algorithm == "hist_gradient_boosting":
        cls = ensemble.HistGradientBoostingClassifier if classification else ensemble.HistGradientBoostingRegressor
        mask = [bool(c) for c in categorical] if any(categorical) else None
        est = cls(learning_rate=config["learning_rate"], max_leaf_nodes=config["max_leaf_nodes"],
                  min_samples_leaf=config["min_samples_leaf"], l2_regularization=config["l2_regularization"],
                  max_iter=config["max_iter"], early_stopping=True, categorical_features=mask,
                  random_state=seed)
        return Pipeline([("preprocess", pre), ("model", est)])
    if algorithm in ("random_forest", "extra_trees"):
        if classification:
            cls = ensemble.RandomForestClassifier if algorithm == "random_forest" else ensemble.ExtraTreesClassifier
        else:
            cls = ensemble.RandomForestRegressor if algorithm == "random_forest" else ensemble.ExtraTreesRegressor
        est = cls(n_estimators=config["n_estimators"], max_features=config["max_features"],
                  min_samples_leaf=config["min_samples_leaf"], n_jobs=threads, random_state=seed)
        return Pipeline([("preprocess", pre), ("model", est)])
    raise BadInput("unknown algorithm %r" % algorithm)


def _one_hot(cls):
    # scikit-learn 1.2 renamed "sparse" to "sparse_output"; Debian 12 has 1.2, older systems the old name
    try:
        return cls(handle_unknown="ignore", sparse_output=False)
    except TypeError:
        return cls(handle_unknown="ignore", sparse=False)


def _has_keep_empty():
    import inspect
    from sklearn.impute import SimpleImputer
    return "keep_empty_features" in inspect.signature(SimpleImputer).parameters


def native_categories_fit(x, categorical):
    """Histogram gradient boosting splits on at most 255 category codes: wider columns are kept as numbers."""
    import numpy as np
    out = list(categorical)
    for i, c in enumerate(categorical):
        if c and (x.shape[0] == 0 or np.nanmax(x[:, i]) >= 255 or np.nanmin(x[:, i]) < 0):
            out[i] = False
    return out


def predict_matrix(pipe, x, classification, k):
    """Probabilities in the run's class order (k columns; a class the model never saw gets 0), or values."""
    import numpy as np
    if not classification:
        return np.asarray(pipe.predict(x), dtype=float).reshape(-1, 1)
    p = pipe.predict_proba(x)
    out = np.zeros((x.shape[0], k))
    for j, c in enumerate(pipe.classes_):
        out[:, int(c)] = p[:, j]
    return out


# ------------------------------------------------------------------------------------------------------ search

class Search:
    def __init__(self, spec):
        import numpy as np
        self.spec = spec
        self.task = spec["task"]
        self.classification = self.task in ("binary", "multiclass")
        self.metric = spec["metric"]
        if self.metric not in HIGHER_IS_BETTER:
            raise BadInput("unknown metric %r" % self.metric)
        self.k = len(spec.get("classes") or []) if self.classification else 1
        if self.classification and self.k < 2:
            raise BadInput("a classification task needs at least two classes")
        rows, names = int(spec["rows"]), list(spec["features"])
        self.x = read_matrix(spec["x"], rows, len(names))
        self.y = read_vector(spec["y"], rows, "<f8")
        self.fold_of = read_vector(spec["folds"], rows, "<i4")
        # Rows a recipe's filter removed are validated but never trained on.
        self.trainable = (read_vector(spec["trainable"], rows, "u1").astype(bool) if spec.get("trainable")
                          else np.ones(rows, dtype=bool))
        self.categorical = native_categories_fit(self.x, [n in set(spec.get("categorical") or []) for n in names])
        self.threads = max(1, int(spec.get("threads", 1)))
        self.seed = int(spec.get("seed", 42))
        self.budget = float(spec.get("budget_seconds") or 0)
        self.max_models = int(spec.get("max_models") or 0)
        self.out_dir = spec["out_dir"]
        self.start = time.monotonic()
        folds = sorted(set(int(f) for f in self.fold_of.tolist() if f >= 0))
        if not folds:
            raise BadInput("no row is validated: every fold index is -1")
        self.folds = [(np.where((self.fold_of != f) & self.trainable)[0], np.where(self.fold_of == f)[0])
                      for f in folds]
        self.scored = np.where(self.fold_of >= 0)[0]
        algorithms = spec.get("algorithms") or (ALGORITHMS_CLASSIFICATION if self.classification
                                                else ALGORITHMS_REGRESSION)
        self.algorithms = list(algorithms)
        self.results = {}       # model id -> (algorithm, config, score)
        self.fit_seconds = {}   # algorithm -> seconds of its last whole cross-validated fit
        self.rng = random.Random(self.seed)

    def elapsed(self):
        return time.monotonic() - self.start

    def search_end(self):
        """Seconds from the start after which no new model starts: room is kept for the final refit."""
        if self.budget <= 0:
            return float("inf")
        best = self.best_id()
        refit = 0.0
        if best is not None:
            refit = self.fit_seconds.get(self.results[best][0], 0.0) / max(1, len(self.folds)) * 1.5
        return self.budget * 0.9 - refit

    def best_id(self):
        best = None
        for mid, (_, _, score) in self.results.items():
            if best is None or better(self.metric, score, self.results[best][2]):
                best = mid
        return best

    def candidates(self):
        kind = "classification" if self.classification else "regression"
        for algorithm, config in PORTFOLIO[kind]:
            if algorithm in self.algorithms:
                yield algorithm, dict(config), "portfolio"
        while True:
            algorithm = self.rng.choice(self.algorithms)
            yield algorithm, sample_config(algorithm, self.rng, self.classification), "random"

    def run(self):
        import numpy as np
        emit({"event": "started", "protocol": PROTOCOL, "engine": "sklearn", "rows": int(self.x.shape[0]),
              "features": int(self.x.shape[1]), "folds": len(self.folds), "algorithms": self.algorithms})
        model_id = 0
        reason = "budget"
        for algorithm, config, origin in self.candidates():
            if self.max_models and model_id >= self.max_models:
                reason = "max_models"
                break
            # A model expected to overrun the search's end is not started: its time is what the last one of
            # the same algorithm took (bigger configurations may take longer; the Java side has a hard deadline).
            # A cheaper algorithm may still fit: the search ends only when none does.
            left = self.search_end() - self.elapsed()
            if self.fit_seconds.get(algorithm, 0.0) > left:
                if min(self.fit_seconds.get(a, 0.0) for a in self.algorithms) > left or left <= 0:
                    break
                continue
            model_id += 1
            t0 = time.monotonic()
            emit({"event": "model_started", "model_id": model_id, "algorithm": algorithm,
                  "hyperparameters": config, "origin": origin})
            line = {"event": "model", "model_id": model_id, "algorithm": algorithm, "hyperparameters": config,
                    "origin": origin}
            try:
                oof = np.full((self.x.shape[0], self.k), np.nan)
                for valid, p in zip((v for _, v in self.folds), self.fit_folds(algorithm, config, model_id)):
                    oof[valid] = p
                if self.elapsed() > self.budget > 0:
                    raise TimeoutError("the budget ran out during its folds")
                scored = oof[self.scored]
                score = metric_value(self.metric, self.y[self.scored], scored, self.k)
                oof_file = os.path.join(self.out_dir, "oof_%d.f64" % model_id)
                write_predictions(oof_file, scored)
                seconds = time.monotonic() - t0
                self.fit_seconds[algorithm] = seconds
                self.results[model_id] = (algorithm, config, score)
                line.update({"status": "ok", "score": _finite(score), "metric": self.metric,
                             "fit_seconds": round(seconds, 4), "elapsed_seconds": round(self.elapsed(), 3),
                             "oof": os.path.basename(oof_file)})
            except TimeoutError as e:
                seconds = time.monotonic() - t0
                self.fit_seconds[algorithm] = seconds
                line.update({"status": "timeout", "error": str(e), "fit_seconds": round(seconds, 4),
                             "elapsed_seconds": round(self.elapsed(), 3)})
                emit(line)
                break
            except Exception as e:  # noqa: BLE001 - a failing model is recorded and never stops the search
                seconds = time.monotonic() - t0
                log("model %d (%s %s) failed:\n%s" % (model_id, algorithm, config, traceback.format_exc()))
                line.update({"status": "failed", "error": "%s: %s" % (type(e).__name__, str(e).splitlines()[0]
                                                                      if str(e) else ""),
                             "fit_seconds": round(seconds, 4), "elapsed_seconds": round(self.elapsed(), 3)})
            emit(line)
        emit({"event": "search_ended", "reason": reason, "models": model_id,
              "elapsed_seconds": round(self.elapsed(), 3), "suggested": self.best_id()})
        if not self.results:
            return
        chosen = self.read_choice()
        if chosen is None:
            return
        self.refit(chosen)

    def fit_folds(self, algorithm, config, model_id):
        """Each fold's validation predictions. The folds are fitted in parallel threads, one estimator thread each
        (OpenMP and BLAS are held to one thread by the Java side): scikit-learn's fits release the GIL, and
        OpenMP's spinning threads on a busy machine made one histogram gradient boosting fit 25 times slower than
        this (car: 93 s against 3.8 s on a loaded machine)."""
        from joblib import Parallel, delayed

        def one(train, valid):
            pipe = build_pipeline(algorithm, config, self.classification, self.categorical, 1,
                                  self.seed + model_id)
            pipe.fit(self.x[train], self.y[train])
            return predict_matrix(pipe, self.x[valid], self.classification, self.k)
        workers = min(self.threads, len(self.folds))
        return Parallel(n_jobs=workers, backend="threading")(delayed(one)(t, v) for t, v in self.folds)

    def read_choice(self):
        """The Java side answers search_ended with the model to refit, ranked by its own metric code; at the end
        of stdin (a caller that does not answer) this script's own best is refit."""
        line = sys.stdin.readline()
        if not line.strip():
            return self.best_id()
        try:
            choice = json.loads(line)
        except ValueError:
            raise BadInput("expected the model to refit as JSON on stdin, got %r" % line[:80])
        if choice.get("refit") is None:
            log("no refit asked for: the search's models are reported without a final model")
            return None
        mid = int(choice["refit"])
        if mid not in self.results:
            raise BadInput("model %d asked for refit, but no such model finished" % mid)
        return mid

    def refit(self, mid):
        import joblib
        import numpy as np
        import sklearn
        algorithm, config, _ = self.results[mid]
        t0 = time.monotonic()
        pipe = build_pipeline(algorithm, config, self.classification, self.categorical, self.threads,
                              self.seed + mid)
        pipe.fit(self.x[self.trainable], self.y[self.trainable])
        model_file = os.path.join(self.out_dir, "model.joblib")
        saved = {"format": "automlwb-sklearn", "protocol": PROTOCOL, "pipeline": pipe, "task": self.task,
                 "k": self.k, "features": list(self.spec["features"]), "algorithm": algorithm,
                 "hyperparameters": config, "sklearn": sklearn.__version__, "numpy": np.__version__,
                 "python": platform.python_version()}
        tmp = model_file + ".tmp"
        joblib.dump(saved, tmp)
        os.replace(tmp, model_file)
        line = {"event": "final", "model_id": mid, "algorithm": algorithm, "hyperparameters": config,
                "model_file": os.path.basename(model_file), "fit_seconds": round(time.monotonic() - t0, 4),
                "sklearn": sklearn.__version__}
        test = self.spec.get("test")
        if test:
            xt = read_matrix(test["x"], int(test["rows"]), self.x.shape[1])
            pred_file = os.path.join(self.out_dir, "test_predictions.f64")
            write_predictions(pred_file, predict_matrix(pipe, xt, self.classification, self.k))
            line["test_predictions"] = os.path.basename(pred_file)
        line["elapsed_seconds"] = round(self.elapsed(), 3)
        emit(line)


def auto_sklearn_search(spec):
    """auto-sklearn on the same rows and the same folds (a PredefinedSplit); its models are reported when it ends,
    since it has no callback per model. Used only where auto-sklearn is importable."""
    try:
        import autosklearn.classification
        import autosklearn.regression
    except Exception as e:  # noqa: BLE001
        emit({"event": "error", "kind": "unavailable", "message": AUTO_SKLEARN_HINT,
              "detail": "%s: %s" % (type(e).__name__, e)})
        return EXIT_UNAVAILABLE
    import joblib
    import numpy as np
    from sklearn.model_selection import PredefinedSplit
    s = Search(spec)  # reads and checks the data like the sklearn engine
    emit({"event": "started", "protocol": PROTOCOL, "engine": "auto-sklearn", "rows": int(s.x.shape[0]),
          "features": int(s.x.shape[1]), "folds": len(s.folds)})
    cls = autosklearn.classification.AutoSklearnClassifier if s.classification \
        else autosklearn.regression.AutoSklearnRegressor
    automl = cls(time_left_for_this_task=max(30, int(s.budget * 0.9)), n_jobs=s.threads, seed=s.seed,
                 resampling_strategy=PredefinedSplit(s.fold_of), feat_type=None,
                 tmp_folder=os.path.join(s.out_dir, "auto-sklearn"), delete_tmp_folder_after_terminate=True)
    automl.fit(s.x, s.y.astype(int) if s.classification else s.y)
    board = automl.leaderboard(detailed=True, ensemble_only=False)
    for i, (mid, row) in enumerate(board.iterrows(), start=1):
        emit({"event": "model", "model_id": i, "algorithm": str(row.get("type", "auto-sklearn")),
              "hyperparameters": {"auto_sklearn_model_id": int(mid)}, "origin": "auto-sklearn", "status": "ok",
              "score": None, "fit_seconds": _finite(float(row.get("duration", float("nan")))),
              "elapsed_seconds": round(s.elapsed(), 3)})
    emit({"event": "search_ended", "reason": "budget", "models": len(board), "suggested": None,
          "elapsed_seconds": round(s.elapsed(), 3)})
    sys.stdin.readline()  # auto-sklearn refits its own ensemble: the choice is not needed
    automl.refit(s.x, s.y.astype(int) if s.classification else s.y)
    model_file = os.path.join(s.out_dir, "model.joblib")
    tmp = model_file + ".tmp"
    joblib.dump({"format": "automlwb-sklearn", "protocol": PROTOCOL, "pipeline": automl, "task": s.task, "k": s.k,
                 "features": list(spec["features"]), "algorithm": "auto_sklearn_ensemble",
                 "hyperparameters": {}}, tmp)
    os.replace(tmp, model_file)
    line = {"event": "final", "model_id": None, "algorithm": "auto_sklearn_ensemble", "hyperparameters": {},
            "model_file": "model.joblib"}
    test = spec.get("test")
    if test:
        xt = read_matrix(test["x"], int(test["rows"]), s.x.shape[1])
        write_predictions(os.path.join(s.out_dir, "test_predictions.f64"),
                          predict_matrix(automl, xt, s.classification, s.k))
        line["test_predictions"] = "test_predictions.f64"
    emit(line)
    return 0


# ----------------------------------------------------------------------------------------------------- predict

_LOADED = {}


def load_model(path):
    """A saved model, loaded once per path for the life of the process (serve predicts many batches)."""
    import joblib
    if path not in _LOADED:
        _LOADED[path] = joblib.load(path)
    return _LOADED[path]


def serve():
    """Predicts batch after batch: one predict spec per stdin line, one answer line each, until stdin ends (the
    Java side closes it, or its process ended). Saves the interpreter's start and scikit-learn's import (a second
    or more) on every batch after the first."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            spec = json.loads(line)
            if spec.get("protocol") != PROTOCOL:
                raise BadInput("spec protocol %r, this script speaks %d" % (spec.get("protocol"), PROTOCOL))
            predict(spec)
        except (BadInput, ValueError, KeyError, OSError) as e:
            emit({"event": "error", "kind": "bad_input", "message": str(e)})
        except Exception as e:  # noqa: BLE001 - one failed batch must not end the worker
            log(traceback.format_exc())
            emit({"event": "error", "kind": "internal", "message": "%s: %s" % (type(e).__name__, e)})
    return 0


def predict(spec):
    saved = load_model(spec["model"])
    if not isinstance(saved, dict) or saved.get("format") != "automlwb-sklearn":
        raise BadInput("%s is not a model written by this engine" % spec["model"])
    names = list(spec["features"])
    if names != saved["features"]:
        raise BadInput("the features given (%d) are not those the model was trained on (%d)"
                       % (len(names), len(saved["features"])))
    x = read_matrix(spec["x"], int(spec["rows"]), len(names))
    classification = saved["task"] in ("binary", "multiclass")
    write_predictions(spec["out"], predict_matrix(saved["pipeline"], x, classification, int(saved["k"])))
    emit({"event": "predicted", "rows": int(x.shape[0])})


# -------------------------------------------------------------------------------------------------------- main

def main(argv):
    if len(argv) < 2 or argv[1] not in ("check", "search", "predict", "serve"):
        log("usage: automl_engine.py check | search SPEC.json | predict SPEC.json | serve")
        return EXIT_BAD_INPUT
    if argv[1] == "check":
        emit(versions())
        return 0
    if argv[1] == "serve":
        return serve()
    if len(argv) != 3:
        log("usage: automl_engine.py %s SPEC.json" % argv[1])
        return EXIT_BAD_INPUT
    try:
        spec = read_spec(argv[2])
        if argv[1] == "predict":
            predict(spec)
            return 0
        if spec.get("engine", "sklearn") == "auto-sklearn":
            return auto_sklearn_search(spec)
        try:
            import sklearn  # noqa: F401
        except ImportError as e:
            emit({"event": "error", "kind": "unavailable",
                  "message": "scikit-learn is not installed for this Python: install python3-sklearn "
                             "(Debian/Ubuntu) or 'pip install scikit-learn'", "detail": str(e)})
            return EXIT_UNAVAILABLE
        Search(spec).run()
        return 0
    except BadInput as e:
        emit({"event": "error", "kind": "bad_input", "message": str(e)})
        return EXIT_BAD_INPUT
    except Exception as e:  # noqa: BLE001 - one line for the caller, the trace for the log
        log(traceback.format_exc())
        emit({"event": "error", "kind": "internal", "message": "%s: %s" % (type(e).__name__, e)})
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
