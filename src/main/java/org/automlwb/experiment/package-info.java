/**
 * The use case that strings a run together, for the {@code run} and {@code bench} commands and the desktop app
 * alike: check the inputs and ready the plan's engines (nothing is written if either fails), create the experiment
 * folder with {@code config.json} and {@code plan.json}, run the engines one after another with a live journal
 * and {@code run.log} ({@link org.automlwb.experiment.EngineSequence}), write the results, export the chosen model
 * and write the report. It talks to engines only through {@code org.automlwb.engine.api}.
 */
package org.automlwb.experiment;
