"""Stand-in for apache-airflow-providers-docker's DockerOperator: the keyword names it takes, recorded."""
from airflow import BaseOperator


class DockerOperator(BaseOperator):
    def __init__(self, *, image, command=None, environment=None, mounts=None, mount_tmp_dir=True,
                 auto_remove="never", skip_on_exit_code=None, entrypoint=None, working_dir=None, user=None,
                 docker_url=None, network_mode=None, **kwargs):
        super().__init__(**kwargs)
        if auto_remove not in ("never", "success", "force"):
            raise ValueError("invalid auto_remove %r" % auto_remove)
        self.image = image
        self.command = command
        self.environment = environment or {}
        self.mounts = mounts or []
        self.skip_on_exit_code = skip_on_exit_code
