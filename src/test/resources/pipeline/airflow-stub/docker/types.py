"""Stand-in for docker-py's Mount (docker.types.Mount), with its signature."""


class Mount(dict):
    def __init__(self, target, source, type="volume", read_only=False, consistency=None, propagation=None,
                 no_copy=False, labels=None, driver_config=None, tmpfs_size=None, tmpfs_mode=None):
        if type not in ("bind", "volume", "tmpfs", "npipe"):
            raise ValueError("invalid mount type %r" % type)
        super().__init__(Target=target, Source=source, Type=type, ReadOnly=read_only)
