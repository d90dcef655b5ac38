"""Imports a DAG file under the stub airflow package beside this file and prints what it declared, as JSON.

Usage: python3 dag_check.py DAG_FILE
"""
import importlib.util
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import airflow  # noqa: E402  (the stub, first on the path)

spec = importlib.util.spec_from_file_location("generated_dag", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)

out = []
for dag in airflow.dags:
    out.append({
        "dag_id": dag.dag_id,
        "schedule": dag.schedule,
        "params": dag.params,
        "tasks": {t.task_id: {
            "image": t.image,
            "command": t.command,
            "environment": t.environment,
            "mounts": t.mounts,
            "trigger_rule": t.trigger_rule,
            "skip_on_exit_code": t.skip_on_exit_code,
        } for t in dag.tasks.values()},
        "edges": dag.edges,
    })
print(json.dumps(out))
