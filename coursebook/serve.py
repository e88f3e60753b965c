"""Serve the built book from 127.0.0.1 the way a static host does: gzip for text, cache headers.

Used by the browser tests (tests/browser), the benchmark and by hand (`make lighthouse` uses
Lighthouse CI's own compressing server):

    .venv/bin/python -m coursebook.serve _build/html --port 8000

Why not `python -m http.server`: it sends every file uncompressed, and Lighthouse then measures a
page that no real host would serve (the same page scores about 56 instead of 99 on mobile).
Like GitHub Pages or Netlify, this server gzips text responses (HTML, CSS, JavaScript, JSON, SVG,
XML) when the client accepts it, leaves images as they are (PNG and JPEG are compressed already),
and sends `Cache-Control: max-age=600`. Compressed bodies are kept in memory, keyed by path and
modification time, so a file is compressed once per run.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/x-javascript",
)
CACHE_SECONDS = 600


class _Handler(SimpleHTTPRequestHandler):
    """Static files with gzip and cache headers; quiet unless asked to log."""

    protocol_version = "HTTP/1.1"  # keep-alive, like a real host
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".ico": "image/x-icon",
        ".webmanifest": "application/manifest+json",
    }
    use_gzip = True
    log = False
    _cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        if self.log:
            super().log_message(format, *args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()

    def _wants_gzip(self, ctype: str) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        return self.use_gzip and "gzip" in accepted and ctype.startswith(COMPRESSIBLE)

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            # Let http.server redirect "dir" to "dir/" and find index.html.
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or not self._wants_gzip(ctype):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime)
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._cache[key] = body
        self.send_response(HTTPStatus.OK)
        self.send_header(
            "Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")
        )
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


class Server:
    """A running server: `url`, and `close()` (or use it as a context manager)."""

    def __init__(
        self, directory: Path | str, port: int = 0, use_gzip: bool = True, log: bool = False
    ) -> None:
        handler = type("Handler", (_Handler,), {"use_gzip": use_gzip, "log": log})
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", port), partial(handler, directory=str(directory))
        )
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="_build/html")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-gzip", action="store_true", help="send files uncompressed")
    args = parser.parse_args()
    if not Path(args.directory, "index.html").is_file():
        raise SystemExit(f"{args.directory} has no index.html: build the book first (make book)")
    server = Server(args.directory, args.port, use_gzip=not args.no_gzip, log=True)
    print(
        f"Serving {args.directory} on {server.url} (gzip {'off' if args.no_gzip else 'on'}; "
        "Ctrl-C to stop)",
        flush=True,
    )
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
