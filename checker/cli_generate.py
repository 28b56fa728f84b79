"""`bcic generate`: write a synthetic cluster submission (a thin client of checker.synthetic)."""

from pathlib import Path

import click

from .cli_output import echo_text, write_file
from .synthetic import generate_cluster, to_turtle


@click.command("generate")
@click.option("--members", type=click.IntRange(min=1), default=50, show_default=True,
              help="Number of member organisations / 成员数量.")
@click.option("--years", type=click.IntRange(min=1, max=100), default=5, show_default=True,
              help="Years of observations, ending in 2024 / 观测年数（截至2024年）.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed: the same arguments give the same bytes / 随机种子.")
@click.option("--gaps", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Fraction of evidence items to leave out / 删去的证据项比例.")
@click.option("--cluster-id", default="c0", show_default=True,
              help="Path segment of the data's IRIs / IRI 中的集群标识.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, allow_dash=True,
                                                path_type=Path),
              default=Path("-"), show_default=True, help="Turtle file, '-' for stdout / 输出文件.")
def generate_command(members: int, years: int, seed: int, gaps: float, cluster_id: str,
                     output: Path) -> None:
    """Generate a synthetic, fictional cluster submission in Turtle / 生成合成的产业集群提交数据."""
    text = to_turtle(generate_cluster(members, years, seed=seed, gaps=gaps, cluster_id=cluster_id))
    if str(output) == "-":
        echo_text(text, nl=False)
    else:
        write_file(output, text)
