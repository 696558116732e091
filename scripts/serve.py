"""A static file server for arena-lens: Python's http.server plus CORS and no caching.

CORS lets a site on one origin read data served from another (``?data=http://host:port/...``), which
is also what you need when you publish results on a different host than the site. Loopback only.

    python3 scripts/serve.py DIR [PORT]     # PORT 0 picks a free port; the first line says which
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

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
