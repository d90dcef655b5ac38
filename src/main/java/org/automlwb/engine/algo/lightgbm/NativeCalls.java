package org.automlwb.engine.algo.lightgbm;

import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_GetLastError;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_doubleArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.double_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.doubleArray_getitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.doubleArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_doubleArray;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;

/** Small helpers over lightgbm4j's SWIG layer ({@code lightgbmlib}): error text, native double buffers. */
final class NativeCalls {
    private NativeCalls() {}

    /** LightGBM's C API returns 0 on success and -1 on error, with the message kept per thread. */
    static void check(int rc, String what) {
        if (rc != 0) throw new LightGbmException(what + " failed: " + lastError());
    }

    static String lastError() {
        String message = LGBM_GetLastError();
        if (message == null || message.isBlank()) return "LightGBM gave no message";
        return message.strip().replace('\n', ' ');
    }

    /** A native copy of rows {@code from .. from+count-1}, row-major; free it with {@link #free}. */
    static SWIGTYPE_p_double copyIn(DenseRows x, int from, int count) {
        int cols = x.cols();
        SWIGTYPE_p_double buffer = new_doubleArray((long) count * cols);
        try {
            long k = 0;
            for (int r = from; r < from + count; r++) {
                for (int c = 0; c < cols; c++) doubleArray_setitem(buffer, k++, x.get(r, c));
            }
            return buffer;
        } catch (RuntimeException | Error e) {
            delete_doubleArray(buffer);
            throw e;
        }
    }

    static double[] copyOut(SWIGTYPE_p_double buffer, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) values[i] = doubleArray_getitem(buffer, i);
        return values;
    }

    static SWIGTYPE_p_void voidp(SWIGTYPE_p_double buffer) { return double_to_voidp_ptr(buffer); }

    static void free(SWIGTYPE_p_double buffer) {
        if (buffer != null) delete_doubleArray(buffer);
    }
}
