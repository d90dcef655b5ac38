package org.automlwb.export.pipeline;

import java.util.List;

/**
 * The retraining as an Argo {@code CronWorkflow} (the engine under Kubeflow Pipelines), YAML: a DAG of one script
 * template per step ({@link RetrainSteps}), each running the step's shell script in the product's image with the
 * data volume (a PersistentVolumeClaim) at {@code /data}. {@code compare} prints {@code better} or
 * {@code not-better} (its exit {@value RetrainSteps#NOT_BETTER} is not a failure here), the deployment runs
 * {@code when} it printed {@code better}, and the drift check runs after the deployment succeeded or was skipped;
 * a drift alert fails it, and with it the workflow, so that it shows.
 */
public final class ArgoWorkflow {
    /** The claim of the data volume, unless the YAML is edited. */
    public static final String CLAIM = "automl-data";

    private ArgoWorkflow() { }

    /** The file name. */
    public static String fileName(RetrainPlan plan) {
        return "retrain-" + Orchestration.dnsLabel(plan.name()) + "-workflow.yaml";
    }

    /** The CronWorkflow's name. */
    public static String workflowName(RetrainPlan plan) {
        return "automl-retrain-" + Orchestration.dnsLabel(plan.name());
    }

    private static String envVar(String name, String value) {
        return "            - name: " + name + "\n              value: " + Orchestration.quoted(value) + "\n";
    }

    /** The YAML text. */
    public static String of(RetrainPlan plan) {
        List<RetrainSteps.Step> steps = RetrainSteps.of(plan);
        StringBuilder tasks = new StringBuilder();
        StringBuilder templates = new StringBuilder();
        String previous = null;
        String env = "          env:\n"
                + envVar("NEW_DATA", "{{workflow.parameters.new-data}}")
                + envVar("TEST_DATA", "{{workflow.parameters.test-data}}")
                + envVar("WORK", Orchestration.runs(plan) + "/{{workflow.name}}")
                + envVar("DEPLOYMENT", Orchestration.deployment())
                + envVar("PIPELINE_DIR", Orchestration.pipelineDir(plan));
        for (RetrainSteps.Step s : steps) {
            tasks.append("            - name: ").append(s.argoId()).append('\n')
                    .append("              template: ").append(s.argoId()).append('\n');
            switch (s.kind()) {
                case DEPLOY -> tasks.append("              depends: ").append(previous).append('\n')
                        .append("              when: \"{{tasks.").append(previous).append(".outputs.result}} == better\"\n");
                case DRIFT -> tasks.append("              depends: \"").append(previous).append(".Succeeded || ")
                        .append(previous).append(".Skipped\"\n");
                default -> {
                    if (previous != null) tasks.append("              depends: ").append(previous).append('\n');
                }
            }
            String script = s.kind() == RetrainSteps.Kind.COMPARE
                    ? "if " + s.script() + "; then echo better; else rc=$?; if [ \"$rc\" -eq "
                    + RetrainSteps.NOT_BETTER + " ]; then echo not-better; else exit \"$rc\"; fi; fi"
                    : s.script();
            templates.append("      # ").append(s.title()).append('\n')
                    .append("      - name: ").append(s.argoId()).append('\n')
                    .append("        script:\n")
                    .append("          name: main\n")
                    .append("          image: \"{{workflow.parameters.image}}\"\n")
                    .append("          command: [sh]\n")
                    .append("          source: ").append(Orchestration.quoted("set -e\n" + script + "\n")).append('\n')
                    .append(env)
                    .append("          volumeMounts:\n")
                    .append("            - name: data\n")
                    .append("              mountPath: ").append(Orchestration.MOUNT).append('\n');
            previous = s.argoId();
        }
        return """
                # Retrains the served model %1$s on a schedule with the settings of experiment %2$s.
                # Written by AutoML Workbench's pipeline command: an Argo CronWorkflow (Argo Workflows 3.6+, the
                # engine under Kubeflow Pipelines). Each step runs the product's command line (automl-workbench)
                # in the image given as the parameter "image":
                #   load new data -> profile -> run -> compare with the served version on the same test data
                #   -> deploy and promote only if better -> check drift
                # The PersistentVolumeClaim %3$s is mounted at /data in every step:
                #   /data/incoming/ the new data, /data/test/ the fixed test data,
                #   /data/pipelines/%1$s/ recipe.json and space.json (written beside this file),
                #   /data/deployment/ the served versions, /data/runs/%1$s/ one folder per retraining.
                # Submit: argo cron create %4$s
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: %5$s
                  labels:
                    app.kubernetes.io/part-of: automl-workbench
                spec:
                  schedules:
                    - %6$s
                  concurrencyPolicy: Forbid
                  workflowSpec:
                    entrypoint: retrain
                    arguments:
                      parameters:
                        - name: new-data
                          value: %7$s
                        - name: test-data
                          value: %8$s
                        - name: image
                          value: %9$s
                    volumes:
                      - name: data
                        persistentVolumeClaim:
                          claimName: %3$s
                    templates:
                      - name: retrain
                        dag:
                          tasks:
                %10$s
                %11$s""".formatted(plan.name(), plan.experimentId(), CLAIM, fileName(plan), workflowName(plan),
                Orchestration.quoted(plan.schedule()), Orchestration.quoted(Orchestration.newData(plan)),
                Orchestration.quoted(Orchestration.testData(plan)), Orchestration.quoted(plan.image()),
                tasks.toString().stripTrailing(), templates);
    }
}
