package org.automlwb.export.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * The retraining as an Airflow DAG (Python, Airflow 2.4 or newer with the Docker provider): one
 * {@code DockerOperator} per step ({@link RetrainSteps}), each running the step's shell script in the product's
 * image with the data volume mounted at {@code /data}. {@code compare} exits {@value RetrainSteps#NOT_BETTER} when
 * the new model is not better, which its {@code skip_on_exit_code} turns into "skipped", so the deployment after it
 * is skipped too; the drift check runs whether the deployment ran or was skipped ({@code none_failed}), and its
 * alert (exit {@value RetrainSteps#DRIFT_ALERT}) fails the task so that Airflow tells someone.
 */
public final class AirflowDag {
    private AirflowDag() { }

    /** The file name: a valid Python module name, as Airflow imports DAG files as modules. */
    public static String fileName(RetrainPlan plan) {
        return "retrain_" + Orchestration.identifier(plan.name()) + "_dag.py";
    }

    /** The DAG id. */
    public static String dagId(RetrainPlan plan) {
        return "automl_retrain_" + Orchestration.identifier(plan.name());
    }

    /** The DAG file's text. */
    public static String of(RetrainPlan plan, LocalDate startDate) {
        List<RetrainSteps.Step> steps = RetrainSteps.of(plan);
        StringBuilder tasks = new StringBuilder();
        StringBuilder chain = new StringBuilder("    ");
        for (RetrainSteps.Step s : steps) {
            String extra = switch (s.kind()) {
                case COMPARE -> ", skip_on_exit_code=" + RetrainSteps.NOT_BETTER;
                case DRIFT -> ", trigger_rule=\"none_failed\"";
                default -> "";
            };
            tasks.append("    # ").append(s.title()).append('\n')
                    .append("    ").append(s.id()).append(" = step(").append(Orchestration.quoted(s.id()))
                    .append(", ").append(Orchestration.quoted(s.script())).append(extra).append(")\n");
            if (chain.length() > 4) chain.append(" >> ");
            chain.append(s.id());
        }
        return """
                \"""Retrains the served model %1$s on a schedule with the settings of experiment %2$s.

                Written by AutoML Workbench's pipeline command. Each step runs the product's command line
                (automl-workbench) in the container image given as the parameter "image":
                  load new data -> profile -> run -> compare with the served version on the same test data
                  -> deploy and promote only if better -> check drift

                Every task mounts the host folder AUTOML_DATA_ROOT (default /srv/automl) at /data:
                  /data/incoming/        the new data            (parameter new_data)
                  /data/test/            the fixed test data     (parameter test_data)
                  /data/pipelines/%1$s/  recipe.json and space.json, written beside this file
                  /data/deployment/      model_serving/ and model_monitoring/
                  /data/runs/%1$s/       one folder per retraining
                Needs Airflow 2.4+ and apache-airflow-providers-docker.
                \"""
                import os
                from datetime import datetime

                from airflow import DAG
                from airflow.providers.docker.operators.docker import DockerOperator
                from docker.types import Mount

                DATA_ROOT = os.environ.get("AUTOML_DATA_ROOT", "/srv/automl")

                with DAG(
                    dag_id=%3$s,
                    description=%4$s,
                    schedule=%5$s,
                    start_date=datetime(%6$d, %7$d, %8$d),
                    catchup=False,
                    max_active_runs=1,
                    params={
                        "new_data": %9$s,
                        "test_data": %10$s,
                        "image": %11$s,
                    },
                    tags=["automl-workbench", "retraining"],
                ) as dag:
                    environment = {
                        "NEW_DATA": "{{ params.new_data }}",
                        "TEST_DATA": "{{ params.test_data }}",
                        "WORK": %12$s,
                        "DEPLOYMENT": %13$s,
                        "PIPELINE_DIR": %14$s,
                    }

                    def step(task_id, script, **kwargs):
                        return DockerOperator(
                            task_id=task_id,
                            image="{{ params.image }}",
                            command=["sh", "-c", "set -e; " + script],
                            environment=environment,
                            mounts=[Mount(source=DATA_ROOT, target="/data", type="bind")],
                            mount_tmp_dir=False,
                            auto_remove="success",
                            **kwargs,
                        )

                %15$s
                %16$s
                """.formatted(plan.name(), plan.experimentId(), Orchestration.quoted(dagId(plan)),
                Orchestration.quoted("Retrain " + plan.name() + " (" + plan.metric() + ") and promote it when better"),
                Orchestration.quoted(plan.schedule()), startDate.getYear(), startDate.getMonthValue(),
                startDate.getDayOfMonth(), Orchestration.quoted(Orchestration.newData(plan)),
                Orchestration.quoted(Orchestration.testData(plan)), Orchestration.quoted(plan.image()),
                Orchestration.quoted(Orchestration.runs(plan) + "/{{ ts_nodash }}"),
                Orchestration.quoted(Orchestration.deployment()), Orchestration.quoted(Orchestration.pipelineDir(plan)),
                tasks, chain);
    }
}
