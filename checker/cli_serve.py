"""`bcic serve`: the web app (pages, SPARQL endpoint, API) under a production WSGI server."""

from __future__ import annotations

import os

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on / 监听地址.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port / 端口.")
@click.option("--store", "location", envvar="BCIC_STORE",
              help="Store directory the app serves / 存储目录.")
@click.option("--threads", default=8, show_default=True, type=int,
              help="Request threads of the WSGI server / 服务线程数.")
def serve_command(host: str, port: int, location: str | None, threads: int) -> None:
    """Serve the web app with waitress (not Flask's development server) / 启动 Web 服务."""
    import waitress  # the server and the app are only needed here

    from web import create_app

    if location:
        os.environ["BCIC_STORE"] = location
    click.echo(f"bcic serving http://{host}:{port}/ (SPARQL: /sparql, API: /api/docs)", err=True)
    waitress.serve(create_app(), host=host, port=port, threads=threads)
