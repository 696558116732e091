"""A static file server for arena-lens: Python's http.server plus CORS, every request answered whole.

CORS lets a site on one origin read data served from another (``?data=http://host:port/...``), which
is also what you need when you publish results on a different host than the site. Loopback only.

    python3 scripts/serve.py DIR [PORT]     # PORT 0 picks a free port; the first line says which
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    # "no-cache" plus ignoring conditional requests: the browser asks every time and always gets
    # the file whole (200), so a rewritten file is never served stale. Not "no-store": Chromium
    # reports a no-store response read to its end through `response.body.getReader()` as
    # net::ERR_ABORTED when the body came in more than one write (microsoft/playwright#42742),
    # and the compute worker reads a data file exactly that way, as it arrives.
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        for name in ("If-Modified-Since", "If-None-Match"):
            del self.headers[name]
        return super().send_head()

    def log_message(self, fmt, *args):
        pass


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "."
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"Serving HTTP on 127.0.0.1 port {httpd.server_address[1]} (http://127.0.0.1:{httpd.server_address[1]}/) ...", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
