package org.automlwb.export.pipeline;

import java.util.List;

/**
 * {@value #FILE}: the retraining's steps ({@link RetrainSteps}) as one bash script, for a machine without an
 * orchestrator (cron) and to test the step sequence end to end. The new model is deployed and promoted only when
 * {@code compare} says it is better; the drift check always runs, and its alert is the script's exit code
 * ({@value RetrainSteps#DRIFT_ALERT}) after everything else is done.
 */
public final class RetrainScript {
    /** The file name. */
    public static final String FILE = "retrain.sh";

    private RetrainScript() { }

    /** The script's text. */
    public static String of(RetrainPlan plan) {
        List<RetrainSteps.Step> steps = RetrainSteps.of(plan);
        StringBuilder functions = new StringBuilder();
        for (RetrainSteps.Step s : steps) {
            functions.append("# ").append(s.title()).append('\n')
                    .append("step_").append(s.id()).append("() {\n  ").append(s.script()).append("\n}\n\n");
        }
        return """
                #!/usr/bin/env bash
                # Retrains the served model %1$s with the settings of experiment %2$s (written by: pipeline).
                # The same steps as the Airflow DAG and the Argo workflow beside this file:
                #   load new data -> profile -> run -> compare with the served version on the same test data
                #   -> deploy and promote only if better -> check drift
                #
                # Usage: retrain.sh NEW_DATA.csv [TEST_DATA.csv]
                # Environment:
                #   AUTOML_WORKBENCH      the command that runs the product (default: $AUTOML_WORKBENCH_JAR with
                #                         java -jar, else automl-workbench on the PATH)
                #   DEPLOYMENT            the deployment/ folder (default: deployment)
                #   WORK                  this retraining's folder (default: runs/%1$s/<UTC time>)
                # Exit code: 0 done, %3$d the new data drifted from the served version's training data (everything
                # else was done), anything else: the step that failed says why on stderr.
                set -euo pipefail

                NEW_DATA=${1:?usage: retrain.sh NEW_DATA.csv [TEST_DATA.csv]}
                TEST_DATA=${2:-%4$s}
                PIPELINE_DIR=$(cd "$(dirname "$0")" && pwd)
                DEPLOYMENT=${DEPLOYMENT:-deployment}
                WORK=${WORK:-runs/%1$s/$(date -u +%%Y%%m%%dT%%H%%M%%SZ)}
                export NEW_DATA TEST_DATA PIPELINE_DIR DEPLOYMENT WORK

                automl-workbench() {
                  if [ -n "${AUTOML_WORKBENCH:-}" ]; then
                    # A command line of several words (e.g. java -Xmx2g -jar ...): split on purpose.
                    $AUTOML_WORKBENCH "$@"
                  elif [ -n "${AUTOML_WORKBENCH_JAR:-}" ]; then
                    java ${JAVA_OPTS:-} -jar "$AUTOML_WORKBENCH_JAR" "$@"
                  else
                    command automl-workbench "$@"
                  fi
                }

                %5$slog() { echo "retrain %1$s: $*" >&2; }

                log "1/6 load new data"; step_load_new_data
                log "2/6 profile"; step_profile
                log "3/6 run"; step_run
                log "4/6 compare with the served version"
                better=yes
                step_compare || { rc=$?; [ "$rc" -eq %6$d ] || exit "$rc"; better=no; }
                if [ "$better" = yes ]; then
                  log "5/6 deploy and promote"; step_deploy_and_promote
                else
                  log "5/6 skipped: the new model is not better than the served version, which stays"
                fi
                log "6/6 check drift"
                drift=0
                step_check_drift || { drift=$?; [ "$drift" -eq %3$d ] || exit "$drift"; }
                if [ "$drift" -ne 0 ]; then log "drift alert: see $WORK/drift.json"; fi
                log "done: $WORK"
                exit "$drift"
                """.formatted(RetrainSteps.quote(plan.name()), plan.experimentId(), RetrainSteps.DRIFT_ALERT,
                RetrainSteps.quote(plan.testData()), functions, RetrainSteps.NOT_BETTER);
    }
}
