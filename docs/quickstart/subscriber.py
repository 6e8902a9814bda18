#!/usr/bin/env python3
"""A tiny subscriber app for the README quickstart.

Serves HTTPS on 127.0.0.1:6001 with the app's X509-SVID, requires the gateway's client
certificate (chained to the development CA), prints every delivery and answers SUCCESS.
Standard library only.
"""
import http.server
import json
import ssl
import sys

CERT_DIR = sys.argv[1] if len(sys.argv) > 1 else ".gateway/dev"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 6001


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        peer = self.connection.getpeercert()
        uris = [value for kind, value in peer.get("subjectAltName", ()) if kind == "URI"]
        print(f"delivery to {self.path} from {uris}: {self.headers.get('Content-Type')}", flush=True)
        print(json.dumps(json.loads(body), indent=2), flush=True)
        reply = b'{"status":"SUCCESS"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(f"{CERT_DIR}/subscriber.crt", f"{CERT_DIR}/subscriber.key")
context.load_verify_locations(f"{CERT_DIR}/ca.crt")
context.verify_mode = ssl.CERT_REQUIRED
server = http.server.HTTPServer(("127.0.0.1", PORT), Handler)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"subscriber listening on https://127.0.0.1:{PORT}", flush=True)
server.serve_forever()
