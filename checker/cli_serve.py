"""`bcic serve`: the web app (pages, SPARQL endpoint, API) under a production WSGI server."""

from __future__ import annotations

import logging
import os

import click

from .cli_validate import LANG_META_KEY
from .errors import InputError
from .cli_lang import lang_option
from .i18n import Lang, message
from .memory_limit import bound_malloc_arenas
from .cli_store import store_engine_option, store_user_option
from .store import DEFAULT_LOCATION, ENGINE_ENV, STORE_ENV, engine_setting, store_location
from .store.credentials import USER_ENV
from .os_reasons import os_reason

PUBLIC_URL_ENV = "BCIC_PUBLIC_URL"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on / 监听地址.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port, 0 for any free one / 端口（0 表示任一空闲端口）.")
@click.option("--store", "location", envvar=STORE_ENV,
              help=f"Store directory, or the http(s) URL of a SPARQL 1.1 server, the app serves "
                   f"[default: {STORE_ENV}, else {DEFAULT_LOCATION}] / 存储目录或 SPARQL 服务器 URL.")
@store_engine_option
@store_user_option
@click.option("--public-url", envvar=PUBLIC_URL_ENV,
              help="The URL people reach the app at behind a reverse proxy, e.g. "
                   "https://example.org/bcic (absolute links, the SPARQL endpoint, the API's "
                   "server) [default: " + PUBLIC_URL_ENV + ", else the request's Host] / "
                   "经反向代理访问时的公开 URL.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(min=1),
              help="Request threads of the WSGI server / 服务线程数.")
@click.option("--health-port", type=click.IntRange(0, 65535),
              help="Also answer /healthz, and only it, on this port with a request thread of its "
                   "own, so that a readiness check never queues behind requests holding the "
                   "threads of --port (0 for any free one) / 另以此端口单独应答 /healthz（独立服务"
                   "线程，不在主端口的请求之后排队）.")
@click.option("--connection-limit", default=100, show_default=True, type=click.IntRange(min=1),
              help="Open connections at most; more wait to be accepted / 最大连接数.")
@click.option("--channel-timeout", default=30, show_default=True, type=click.IntRange(min=1),
              help="Seconds a connection may stay idle / 连接空闲超时（秒）.")
@click.option("--stop-timeout", default=30, show_default=True, type=click.IntRange(min=0),
              help="On SIGTERM or Ctrl-C, seconds the requests already received have to finish "
                   "/ 停止时等待进行中请求完成的秒数.")
@lang_option()
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, location: str | None,
                  engine: str | None, user: str | None, public_url: str | None, threads: int,
                  health_port: int | None, connection_limit: int, channel_timeout: int, stop_timeout: int,
                  lang: Lang) -> None:
    """Serve the web app with waitress (not Flask's development server) / 启动 Web 服务."""
    import waitress  # the server and the app are only needed here

    from web import create_app
    from web.data import start_notes
    from web.serving import add_health_listener, serve

    ctx.meta[LANG_META_KEY] = lang
    bound_malloc_arenas()  # before any thread: each would keep an arena of its own
    os.environ[STORE_ENV] = store_location(location)  # a file or a bad URL: refused now
    os.environ[ENGINE_ENV] = engine_setting(engine)  # an unknown engine too
    if user is not None:
        os.environ[USER_ENV] = user  # the app's BCIC_STORE_USER; the password stays in the env
    if public_url is not None:
        os.environ[PUBLIC_URL_ENV] = public_url  # checked by the app, as every setting
    if not logging.getLogger().handlers:  # the access and event logs on stderr, unless routed
        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    app = create_app()
    for note in start_notes(app):  # no store there yet; a summary needing `bcic reindex`
        click.echo(note.text(lang), err=True)
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads,
                                        connection_limit=connection_limit,
                                        channel_timeout=channel_timeout,
                                        cleanup_interval=channel_timeout)
    except (OSError, ValueError) as error:  # in use, not ours to take, or no such address
        raise _cannot_listen(host, port, error) from None
    if health_port is not None:
        try:
            bound = add_health_listener(server, app, host, health_port)
        except (OSError, ValueError) as error:
            server.close()
            raise _cannot_listen(host, health_port, error) from None
        click.echo(message("serve.health_port", lang, port=bound), err=True)
    for bound_host, bound_port in getattr(server, "effective_listen", None) or [
            (server.effective_host, server.effective_port)]:
        shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
        click.echo(message("serve.listening", lang, url=f"http://{shown}:{bound_port}/"),
                   err=True)
    if app.config["BCIC_PUBLIC_URL"]:
        click.echo(message("serve.public_url", lang, url=app.config["BCIC_PUBLIC_URL"] + "/"),
                   err=True)

    def stopped(unfinished: int) -> None:
        said = (message("serve.stopped_unfinished", lang, seconds=stop_timeout, n=unfinished)
                if unfinished else message("serve.stopped", lang))
        click.echo(said, err=True)

    serve(server, stop_timeout,
          lambda: click.echo(message("serve.stopping", lang, seconds=stop_timeout), err=True),
          stopped)


def _cannot_listen(host: str, port: int, error: Exception) -> InputError:
    """The error of a port the server cannot listen on (in use, not ours, no such address)."""
    return InputError.of("error.serve.cannot_listen", host=host, port=port,
                         reason=os_reason(error))
