"""bcic: a compliance checker for GB/T 《品牌培育 产业集群》 (brand cultivation — industrial cluster)."""

__version__ = "0.1.0"
