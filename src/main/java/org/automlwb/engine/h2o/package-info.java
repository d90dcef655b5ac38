/**
 * The H2O AutoML engine: {@link org.automlwb.engine.h2o.H2oEngine} behind the engine API, {@link
 * org.automlwb.engine.h2o.H2oRun} on the engine's side of a run, {@link org.automlwb.engine.h2o.H2oWorker} in the
 * JVM of its own that runs H2O, the two speaking {@link org.automlwb.engine.h2o.H2oProtocol}, and {@link
 * org.automlwb.engine.h2o.H2oMojoModel}, the exported model scored by h2o-genmodel alone. docs/engines.md says
 * what H2O gets and why it runs apart.
 */
package org.automlwb.engine.h2o;
