/**
 * LightGBM through lightgbm4j 4.3.0-1 (LightGBM 4.3.0), self-contained and on plain Java arrays: no Tribuo, no
 * Tablesaw. {@link org.automlwb.engine.algo.lightgbm.LightGbmNative} says once whether the native library works
 * here; {@link org.automlwb.engine.algo.lightgbm.LightGbmTrainer} fits round by round with its own early stopping
 * and a stop check; {@link org.automlwb.engine.algo.lightgbm.LightGbmFit} is the result without native handles;
 * {@link org.automlwb.engine.algo.lightgbm.LightGbmModel} predicts from the model text.
 *
 * <p>Traps found in lightgbm4j and LightGBM 4.3.0 and how this package avoids them:
 * <ul>
 *   <li>lightgbm4j's {@code LGBMBooster.predictForMat} allocates 2 outputs a row: a multiclass prediction with 3+
 *       classes overflows the native buffer and crashes the JVM. Its {@code saveModelToString} never frees the
 *       native text (10 MB of address space per call). Its {@code updateOneIter} counts failed rounds. This package
 *       calls the SWIG layer ({@code com.microsoft.ml.lightgbm.lightgbmlib}) itself and frees every buffer.</li>
 *   <li>lightgbm4j extracts its libraries to fixed names in the shared temp folder on every start, in place: see
 *       {@link org.automlwb.engine.algo.lightgbm.LightGbmNative} for the private folder used instead. It swallows
 *       link errors on Linux (logs only) and rethrows them from a static initialiser on macOS.</li>
 *   <li>Since LightGBM 4.2 {@code num_threads} is process-wide, and any parameterised call without it resets it to
 *       all cores: {@link org.automlwb.engine.algo.lightgbm.NativeThreads} keeps concurrent calls on one count and
 *       every call passes it.</li>
 *   <li>LightGBM's model parser trusts its input; truncated or garbled text aborts the JVM (measured: 29 of 31
 *       truncations and 18 of 40 three-character garbles of a 5-tree model):
 *       {@link org.automlwb.engine.algo.lightgbm.ModelText} checks every structure first.</li>
 *   <li>Labels are 32-bit floats inside LightGBM: a regression target with more than 7 significant digits of
 *       variation (values far from zero that differ little) loses precision.</li>
 *   <li>With more than one thread per fit, OpenMP threads spin at every parallel region; on a busy 2-core machine
 *       a 2-thread fit took 10-40x as long as a 1-thread fit, unless the JVM was started with
 *       {@code OMP_WAIT_POLICY=PASSIVE}. The catalogue's one thread per fit avoids it.</li>
 * </ul>
 */
package org.automlwb.engine.algo.lightgbm;
