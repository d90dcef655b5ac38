package org.automlwb.engine.python;

/**
 * A Python interpreter whose {@code import sklearn} works, with the versions its {@code check} reported.
 *
 * @param executable  the interpreter, as it is started
 * @param python      its version, e.g. {@code 3.11.2}
 * @param sklearn     scikit-learn's version
 * @param autoSklearn auto-sklearn's version, or null when it does not import
 * @param skl2onnx    skl2onnx's version, or null when it does not import (then no ONNX file is written)
 */
public record PythonRuntime(String executable, String python, String sklearn, String autoSklearn, String skl2onnx) {
    /** auto-sklearn's install hint, the same words the script prints. */
    static final String AUTO_SKLEARN_HINT = "install auto-sklearn for this Python ('pip install auto-sklearn': it"
            + " needs Linux, Python 3.7-3.10 and scikit-learn < 0.25), or use --engine sklearn";

    /** Whether this Python runs the engine. */
    public boolean supports(PythonEngineKind kind) {
        return kind == PythonEngineKind.SKLEARN || autoSklearn != null;
    }

    /** For logs and model metadata, e.g. {@code /usr/bin/python3 (Python 3.11.2, scikit-learn 1.2.1)}. */
    public String describe() {
        return executable + " (Python " + python + ", scikit-learn " + sklearn
                + (autoSklearn != null ? ", auto-sklearn " + autoSklearn : "") + ")";
    }
}
