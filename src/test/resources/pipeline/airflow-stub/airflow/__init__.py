"""A stand-in for Airflow, for tests: records each DAG, its tasks and the >> edges between them.

Only what a generated DAG uses, with the real signatures' keyword names, so that a misspelt or unknown
argument fails here as it would under Airflow.
"""
import re

dags = []
_open = []

_TASK_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
TRIGGER_RULES = {"all_success", "all_failed", "all_done", "all_skipped", "one_success", "one_failed", "one_done",
                 "none_failed", "none_failed_min_one_success", "none_skipped", "always"}


class DAG:
    def __init__(self, dag_id, description=None, schedule=None, start_date=None, end_date=None, catchup=None,
                 max_active_runs=None, params=None, tags=None, default_args=None, doc_md=None):
        if not _TASK_ID.match(dag_id):
            raise ValueError("invalid dag_id %r" % dag_id)
        self.dag_id = dag_id
        self.schedule = schedule
        self.start_date = start_date
        self.params = params or {}
        self.tags = tags or []
        self.tasks = {}
        self.edges = []
        dags.append(self)

    def __enter__(self):
        _open.append(self)
        return self

    def __exit__(self, *exc):
        _open.pop()
        return False


class BaseOperator:
    def __init__(self, task_id, trigger_rule="all_success", retries=None, **kwargs):
        if not _open:
            raise RuntimeError("task %r created outside a DAG" % task_id)
        if not _TASK_ID.match(task_id):
            raise ValueError("invalid task_id %r" % task_id)
        if trigger_rule not in TRIGGER_RULES:
            raise ValueError("invalid trigger_rule %r" % trigger_rule)
        self.dag = _open[-1]
        if task_id in self.dag.tasks:
            raise ValueError("duplicate task_id %r" % task_id)
        self.task_id = task_id
        self.trigger_rule = trigger_rule
        self.dag.tasks[task_id] = self

    def _edge(self, upstream, downstream):
        self.dag.edges.append((upstream.task_id, downstream.task_id))

    def __rshift__(self, other):
        for o in other if isinstance(other, (list, tuple)) else [other]:
            self._edge(self, o)
        return other

    def __rrshift__(self, other):
        for o in other if isinstance(other, (list, tuple)) else [other]:
            self._edge(o, self)
        return self
