// Validates Argo Workflows YAML against the schema of @kubernetes-models/argo-workflows and prints, per
// document, whether it is valid and its DAG tasks (name, depends, when), as one JSON line.
// Usage: node validate.mjs FILE.yaml   (run where node_modules holds the two packages)
import fs from "node:fs";
import yaml from "js-yaml";
import { CronWorkflow, Workflow, WorkflowTemplate } from "@kubernetes-models/argo-workflows/argoproj.io/v1alpha1";

const kinds = { CronWorkflow, Workflow, WorkflowTemplate };
const out = [];
for (const doc of yaml.loadAll(fs.readFileSync(process.argv[2], "utf8"))) {
  const Model = kinds[doc?.kind];
  const entry = { kind: doc?.kind ?? null, name: doc?.metadata?.name ?? null, valid: false, errors: null, tasks: [] };
  if (!Model) {
    entry.errors = `unknown kind ${doc?.kind}`;
  } else {
    try {
      new Model(doc).validate();
      entry.valid = true;
    } catch (e) {
      entry.errors = e.message;
    }
    const spec = doc.kind === "CronWorkflow" ? doc.spec?.workflowSpec : doc.spec;
    const main = (spec?.templates ?? []).find((t) => t.name === spec.entrypoint);
    entry.tasks = (main?.dag?.tasks ?? []).map((t) => ({ name: t.name, depends: t.depends ?? null, when: t.when ?? null }));
    entry.schedules = doc.spec?.schedules ?? null;
  }
  out.push(entry);
}
console.log(JSON.stringify(out));
