package org.automlwb.engine.algo.lightgbm;

import static com.microsoft.ml.lightgbm.lightgbmlib.C_API_DTYPE_FLOAT32;
import static com.microsoft.ml.lightgbm.lightgbmlib.C_API_DTYPE_FLOAT64;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetCreateFromMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetSetFeatureNames;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetSetField;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_floatArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.float_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.floatArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_floatArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.voidpp_value;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;

/**
 * A LightGBM dataset (binned training or validation rows), built straight from {@link DenseRows}. The call
 * sequence mirrors lightgbm4j's {@code LGBMDataset} but frees every native buffer it allocates, on error paths too
 * (lightgbm4j leaks a pointer cell per dataset and booster). Not thread-safe: one fit owns it.
 */
final class NativeDataset implements AutoCloseable {
    private SWIGTYPE_p_void handle;

    private NativeDataset(SWIGTYPE_p_void handle) { this.handle = handle; }

    /** Bins {@code x} with {@code params}; a validation set passes the training set as {@code reference}. */
    static NativeDataset create(DenseRows x, String params, NativeDataset reference) {
        SWIGTYPE_p_double data = NativeCalls.copyIn(x, 0, x.rows());
        SWIGTYPE_p_p_void out = new_voidpp();
        try {
            NativeCalls.check(LGBM_DatasetCreateFromMat(NativeCalls.voidp(data), C_API_DTYPE_FLOAT64, x.rows(), x.cols(),
                    1, params, reference == null ? null : reference.handle(), out), "building the LightGBM dataset");
            return new NativeDataset(voidpp_value(out));
        } finally {
            NativeCalls.free(data);
            delete_voidpp(out);
        }
    }

    /** LightGBM keeps labels as 32-bit floats ({@code label_t}). */
    void setLabels(double[] labels) {
        SWIGTYPE_p_float buffer = new_floatArray(labels.length);
        try {
            for (int i = 0; i < labels.length; i++) floatArray_setitem(buffer, i, (float) labels[i]);
            NativeCalls.check(LGBM_DatasetSetField(handle(), "label", float_to_voidp_ptr(buffer), labels.length,
                    C_API_DTYPE_FLOAT32), "setting the labels");
        } finally {
            delete_floatArray(buffer);
        }
    }

    void setFeatureNames(String[] names) {
        NativeCalls.check(LGBM_DatasetSetFeatureNames(handle(), names, names.length), "setting the feature names");
    }

    SWIGTYPE_p_void handle() {
        if (handle == null) throw new IllegalStateException("dataset already closed");
        return handle;
    }

    @Override
    public void close() {
        if (handle == null) return;
        SWIGTYPE_p_void h = handle;
        handle = null;
        NativeCalls.check(LGBM_DatasetFree(h), "freeing a dataset");
    }
}
