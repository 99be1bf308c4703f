#!/usr/bin/env python3
"""A local HTTP server for kexport fetch's tests: no test touches the network.

Usage: fetch_server.py SCENARIO.json LOG

SCENARIO maps a path to the responses its requests get in turn (the last one repeats):
  {"status": 200, "body_file": "x.xlsx" | "body": "text", "etag": "\\"a\\"", "last_modified": "...",
   "delay": seconds before answering, "truncate": bytes actually sent (the full length announced),
   "location": a redirect's target, "content_type": "..."}
A conditional request whose If-None-Match or If-Modified-Since matches the response's gets a 304.
Paths not in the scenario get a 404. Each request is logged as "METHOD PATH STATUS". The port is
printed on the first line of standard output."""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

scenario = json.load(open(sys.argv[1]))
log_path = sys.argv[2]
served = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def log(self, status):
        with lock:
            with open(log_path, "a") as log:
                log.write(f"GET {self.path} {status}\n")

    def do_GET(self):
        with lock:
            responses = scenario.get(self.path)
            index = served.get(self.path, 0)
            served[self.path] = index + 1
        if not responses:
            self.log(404)
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        r = responses[min(index, len(responses) - 1)]
        time.sleep(r.get("delay", 0))
        etag, modified = r.get("etag"), r.get("last_modified")
        if (etag and self.headers.get("If-None-Match") == etag) or (
                modified and self.headers.get("If-Modified-Since") == modified):
            self.log(304)
            self.send_response(304)
            self.end_headers()
            return
        body = b""
        if "body_file" in r:
            body = open(r["body_file"], "rb").read()
        elif "body" in r:
            body = r["body"].encode()
        status = r.get("status", 200)
        self.log(status)
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)
        if "location" in r:
            self.send_header("Location", r["location"])
        self.send_header("Content-Type", r.get("content_type", "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body[:r.get("truncate", len(body))])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        if "truncate" in r:
            self.close_connection = True


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
