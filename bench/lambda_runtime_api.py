"""A minimal Lambda Runtime API for timing a function's cold start locally.

Serves the same event INVOCATIONS times on the Runtime API's documented paths
(GET /2018-06-01/runtime/invocation/next, POST .../invocation/{id}/response|error,
POST .../init/error), with the headers Lambda sends (request id, deadline, function ARN,
trace id). Milliseconds since the function process started (written by the caller to
--start-file just before it starts the process) are recorded for the first poll (init
done) and each answer. When every invocation is answered it writes the timings and the
answers as JSON to --out and exits.
Only the standard library: AWS's Runtime Interface Emulator is a Go binary that no
registry here serves.
"""

import argparse
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--event", required=True, help="file holding the event payload")
    parser.add_argument("--invocations", type=int, default=2)
    parser.add_argument("--deadline-ms", type=int, default=900_000)
    parser.add_argument(
        "--start-file", required=True, help="file the caller writes time.time_ns() of the start to"
    )
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.event, "rb") as f:
        event = f.read()
    state = {"served": 0, "answers": [], "init_ms": None, "sent_ns": None}
    done = threading.Event()

    def since_start_ms(ns):
        with open(args.start_file) as f:
            return (ns - int(f.read().strip())) / 1e6

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_GET(self):
            if self.path != PREFIX + "/invocation/next":
                self.send_error(404)
                return
            now = time.time_ns()
            if state["init_ms"] is None:
                state["init_ms"] = since_start_ms(now)
            if state["served"] >= args.invocations:
                done.set()
                time.sleep(3600)  # no more events: the runtime waits, as on Lambda
                return
            state["served"] += 1
            request_id = str(uuid.uuid4())
            state["sent_ns"] = time.time_ns()
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
            self.send_header(
                "Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + args.deadline_ms)
            )
            self.send_header(
                "Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:hygge",
            )
            self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(event)))
            self.end_headers()
            self.wfile.write(event)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            now = time.time_ns()
            kind = self.path.rsplit("/", 1)[-1]
            if self.path.startswith(PREFIX + "/invocation/") and kind in ("response", "error"):
                state["answers"].append(
                    {
                        "kind": kind,
                        "at_ms": since_start_ms(now),
                        "invocation_ms": (now - state["sent_ns"]) / 1e6,
                        "body": body,
                    }
                )
            elif self.path == PREFIX + "/init/error":
                state["answers"].append({"kind": "init-error", "at_ms": since_start_ms(now), "body": body})
                done.set()
            else:
                self.send_error(404)
                return
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    done.wait()
    with open(args.out, "w") as f:
        json.dump({"init_ms": state["init_ms"], "answers": state["answers"]}, f, indent=2)


if __name__ == "__main__":
    main()
