/**
 * The Tribuo engine behind the engine API: our own search over Tribuo and LightGBM learners ({@code
 * org.automlwb.engine.run} and the packages it drives), presented as an {@link org.automlwb.engine.api.AutoMLEngine}.
 */
package org.automlwb.engine.tribuo;
