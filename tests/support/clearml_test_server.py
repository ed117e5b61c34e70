#!/usr/bin/env python3
"""A ClearML-compatible API server for slurmglue's tests.

This is a TEST DOUBLE, not ClearML. The real server (clearml-server) needs
MongoDB, Elasticsearch and Redis and cannot run on the test machines, so this
file re-states, from the documented API (docs/domain.md section 6 in the
project's shared docs), the behaviour the client relies on:

- POST /<service>.<action>, optionally behind a version prefix /v2.x/, with a
  JSON body (events.add_batch: JSON lines).
- Every reply is the envelope {"meta": {...}, "data": {...}} and the HTTP
  status equals meta.result_code.
- auth.login takes HTTP Basic access_key:secret_key and returns data.token;
  every other call needs "Authorization: Bearer <token>". 401/20 no
  credentials, 401/22 wrong key or secret, 401/30 bad or expired token.
- 400/12 validation, 400/101 unknown task, 400/110 invalid status change,
  400/121 status changed under the caller (only by injection: see set_status),
  400/401 unknown project,
  400/701 unknown queue, 400/703 task not in queue; an unknown endpoint is 404.
- queues.get_all matches "name" as an unanchored regular expression (a search);
  queues.get_next_task pops atomically and the task stays "queued".
- tasks.get_all filters by "id" and "status" together and keeps only the
  dotted "only_fields" paths asked for (plus "id").
- tasks.get_all and queues.get_all return one page: sorted by id, "page"
  (from 0) of "page_size" results, which is at most (and by default) 500, the
  server's max_page_size (apiserver/database/model/base.py, validate_paging).
- tasks.enqueue of a task that is already "queued" (ClearML's Kubernetes glue
  moves a popped task into its pending queue that way) keeps it "queued",
  adds an entry to the new queue and, unless update_execution_queue is false,
  sets execution.queue to it; tasks.dequeue removes the task's entry from the
  queue in execution.queue (from all queues with remove_from_all_queues).
- The task status transition table of the server; "force" skips it.

Everything lives in memory. It listens on 127.0.0.1 only, on a port the kernel
picks, and prints that port as the first line of stdout.

Test-only control endpoints, all under /_test.* (never part of ClearML):
  /_test.inject    {"kind": "status"|"drop"|"drop_after"|"delay"|"malformed", "count": N,
                    "status": 503, "subcode": 0, "message": "...", "seconds": 1.5,
                    "endpoint": "tasks.get_by_id", "body": "{not json",
                    "probability": 0.3, "seed": 7, "skip_user_agent": "Python-urllib"}
                   the next N matching API requests fail that way:
                     status      an error envelope with that status (not acted on)
                     drop        the connection closes before the call is acted on
                     drop_after  the call IS acted on, then the connection closes
                                 without a reply (the client cannot tell it happened)
                     delay       the reply comes "seconds" late
                     malformed   the call IS acted on, then the reply is status 200
                                 with "body" (default: text that is not JSON)
                   With "probability" P each matching request is hit with
                   chance P (a random.Random(seed) per injection, so a run is
                   repeatable) until N requests were hit. Without "endpoint"
                   every API endpoint matches. With "skip_user_agent" a request
                   whose User-Agent holds that text is never hit (so faults
                   meant for one client spare another, e.g. the stand-in
                   clearml-agent in the jobs). An injection hits each request
                   at most once; the first matching injection that fires wins.
  /_test.clear_injections       drop the injections not used up (ends a chaos phase)
  /_test.expire_tokens          every token issued so far becomes invalid
  /_test.requests               what the server received (oldest first): endpoint,
                                path, time (seconds since the epoch), content_type, auth (the scheme only: never
                                a key, secret or token), raw_body, status, injected
  /_test.counts                 {"counts": {endpoint: calls}} over those requests
  /_test.clear_requests         forget the received requests (and so the counts)
  /_test.state                  tasks, queues, projects, workers, events
  /_test.seed                   add credentials/projects/queues/tasks (as --seed)
  /_test.set_task  {"task": ID, "fields": {"status": "stopped", "a.b": 1}}
                   changes a task directly, as the web UI would (a dotted key
                   sets a nested field); no transition check, queues untouched

Seed (a JSON file given with --seed FILE, or inline with --seed-json TEXT):
  {"credentials": [{"access_key": "...", "secret_key": "..."}],
   "projects": [{"id": "...", "name": "..."}],
   "queues": [{"id": "...", "name": "...", "entries": [{"task": "..."}]}],
   "tasks": [{"id": "...", "status": "created", ...any task fields}]}
"""

import argparse
import base64
import copy
import json
import random
import re
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = "127.0.0.1"

STATUSES = {"created", "queued", "in_progress", "stopped", "published",
            "publishing", "closed", "failed", "completed"}

# Which status may follow which without "force" (the server's state machine).
ALLOWED_CHANGES = {
    "created": {"queued", "in_progress"},
    "queued": {"created", "in_progress", "stopped"},
    "in_progress": {"stopped", "failed", "created", "completed"},
    "stopped": {"closed", "created", "failed", "queued", "in_progress",
                "published", "publishing", "completed"},
    "closed": {"created", "failed", "published", "publishing", "stopped"},
    "failed": {"created", "stopped", "published"},
    "publishing": {"published"},
    "published": set(),
    "completed": {"published", "in_progress", "created"},
}


class ApiFailure(Exception):
    def __init__(self, code, subcode, message):
        super().__init__(message)
        self.code = code
        self.subcode = subcode
        self.message = message


def validation_error(message):
    return ApiFailure(400, 12, "Validation error (" + message + ")")


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000000+00:00"


def require(body, *fields):
    missing = [f for f in fields if f not in body or body[f] in (None, "")]
    if missing:
        raise validation_error("missing required field(s): " + ", ".join(missing))


class State:
    """The server's memory. One lock guards all of it, so each call is atomic."""

    def __init__(self):
        self.lock = threading.Lock()
        self.credentials = {}
        self.tokens = set()
        self.projects = {}
        self.queues = {}
        self.tasks = {}
        self.workers = {}
        self.events = []
        self.requests = []
        self.injections = []

    def seed(self, data):
        for cred in data.get("credentials", []):
            self.credentials[cred["access_key"]] = cred["secret_key"]
        for project in data.get("projects", []):
            self.projects[project["id"]] = copy.deepcopy(project)
        for queue in data.get("queues", []):
            queue = copy.deepcopy(queue)
            queue.setdefault("system_tags", [])
            queue["entries"] = [{"task": e["task"], "added": e.get("added", now_iso())}
                                for e in queue.get("entries", [])]
            self.queues[queue["id"]] = queue
        for task in data.get("tasks", []):
            task = copy.deepcopy(task)
            task.setdefault("status", "created")
            task.setdefault("name", task["id"])
            self.tasks[task["id"]] = task

    def take_injection(self, endpoint, user_agent=""):
        for injection in self.injections:
            wanted = injection.get("endpoint")
            if wanted and wanted != endpoint:
                continue
            spared = injection.get("skip_user_agent")
            if spared and spared in user_agent:
                continue
            if "probability" in injection:
                rng = injection.setdefault("_random", random.Random(injection.get("seed")))
                if rng.random() >= float(injection["probability"]):
                    continue
            injection["count"] -= 1
            if injection["count"] <= 0:
                self.injections.remove(injection)
            return injection
        return None


MAX_PAGE_SIZE = 500


def one_page(items, body):
    """The page the body asks for, as the server pages every get_all."""
    page, size = body.get("page", 0), body.get("page_size", MAX_PAGE_SIZE)
    if not isinstance(page, int) or page < 0:
        raise validation_error("page must be >=0")
    if not isinstance(size, int) or size < 1:
        raise validation_error("page_size must be >0")
    size = min(size, MAX_PAGE_SIZE)
    items = sorted(items, key=lambda item: str(item.get("id")))
    return items[page * size:(page + 1) * size]


def project_fields(item, only_fields):
    """Keeps only the dotted field paths asked for (plus the id), like the server."""
    if not only_fields:
        return copy.deepcopy(item)
    result = {"id": item.get("id")}
    for path in only_fields:
        source, target = item, result
        parts = path.split(".")
        for i, part in enumerate(parts):
            if not isinstance(source, dict) or part not in source:
                break
            if i == len(parts) - 1:
                target[part] = copy.deepcopy(source[part])
            else:
                source = source[part]
                target = target.setdefault(part, {})
    return result


class Api:
    """The ClearML endpoints. Each method takes the JSON body and returns data."""

    def __init__(self, state):
        self.state = state

    # -- helpers --------------------------------------------------------------
    def task(self, task_id):
        task = self.state.tasks.get(task_id)
        if task is None:
            raise ApiFailure(400, 101, "Invalid task id (id=%s)" % task_id)
        return task

    def queue(self, queue_id):
        queue = self.state.queues.get(queue_id)
        if queue is None:
            raise ApiFailure(400, 701, "Invalid queue id (id=%s)" % queue_id)
        return queue

    @staticmethod
    def check_transition(task, new_status, force):
        current = task["status"]
        if force or current == new_status:
            return
        if new_status not in ALLOWED_CHANGES[current]:
            raise ApiFailure(400, 110, "Invalid status change (current_status=%s, new_status=%s)"
                             % (current, new_status))

    def set_status(self, task, new_status, body):
        # Every call holds the state lock, so the race that gives the real
        # server's 400/121 cannot happen here: tests inject 121 instead.
        force = bool(body.get("force", False))
        self.check_transition(task, new_status, force)
        fields = {"status": new_status,
                  "status_reason": body.get("status_reason", ""),
                  "status_message": body.get("status_message", ""),
                  "status_changed": now_iso(), "last_update": now_iso()}
        task.update(fields)
        return {"updated": 1, "fields": fields}

    def remove_from_queue(self, queue, task_id):
        before = len(queue["entries"])
        queue["entries"] = [e for e in queue["entries"] if e["task"] != task_id]
        return before - len(queue["entries"])

    @staticmethod
    def editable(task, body):
        if task["status"] != "created" and not body.get("force", False):
            raise ApiFailure(400, 110, "Invalid task status (expected=created, status=%s)" % task["status"])

    # -- queues ---------------------------------------------------------------
    @staticmethod
    def name_matches(pattern, name):
        try:
            return re.search(pattern, name) is not None
        except re.error as error:
            raise validation_error("invalid regular expression: %s" % error)

    def queues_get_all(self, body):
        found = []
        for queue in self.state.queues.values():
            if "name" in body and not self.name_matches(body["name"], queue["name"]):
                continue
            if "id" in body and queue["id"] not in body["id"]:
                continue
            found.append(queue)
        return {"queues": [project_fields(q, body.get("only_fields")) for q in one_page(found, body)]}

    def queues_get_by_id(self, body):
        require(body, "queue")
        return {"queue": copy.deepcopy(self.queue(body["queue"]))}

    def queues_create(self, body):
        require(body, "name")
        if any(q["name"] == body["name"] for q in self.state.queues.values()):
            raise ApiFailure(400, 702, "Queue with this name already exists (name=%s)" % body["name"])
        queue_id = uuid.uuid4().hex
        self.state.queues[queue_id] = {"id": queue_id, "name": body["name"],
                                       "system_tags": body.get("system_tags", []),
                                       "tags": body.get("tags", []), "entries": [],
                                       "created": now_iso()}
        return {"id": queue_id}

    def queues_get_next_task(self, body):
        require(body, "queue")
        queue = self.queue(body["queue"])
        if not queue["entries"]:
            return {}
        return {"entry": queue["entries"].pop(0)}

    def queues_add_task(self, body):
        require(body, "queue", "task")
        self.queue(body["queue"])["entries"].append({"task": body["task"], "added": now_iso()})
        return {"added": 1}

    def queues_remove_task(self, body):
        require(body, "queue", "task")
        if not self.remove_from_queue(self.queue(body["queue"]), body["task"]):
            raise ApiFailure(400, 703, "Task not in queue (task=%s)" % body["task"])
        return {"removed": 1}

    # -- tasks ----------------------------------------------------------------
    def tasks_get_all(self, body):
        ids = body.get("id")
        if isinstance(ids, str):
            ids = [ids]
        if ids is not None:
            ids = set(ids)
        statuses = body.get("status")
        found = []
        for task in self.state.tasks.values():
            if ids is not None and task["id"] not in ids:
                continue
            if statuses and task["status"] not in statuses:
                continue
            found.append(task)
        return {"tasks": [project_fields(t, body.get("only_fields")) for t in one_page(found, body)]}

    def tasks_get_by_id(self, body):
        require(body, "task")
        return {"task": copy.deepcopy(self.task(body["task"]))}

    def tasks_enqueue(self, body):
        require(body, "task")
        task = self.task(body["task"])
        queue_id = body.get("queue")
        if not queue_id and body.get("queue_name"):
            matches = [q for q in self.state.queues.values() if q["name"] == body["queue_name"]]
            if not matches:
                raise ApiFailure(400, 701, "Invalid queue id (name=%s)" % body["queue_name"])
            queue_id = matches[0]["id"]
        if not queue_id:
            raise validation_error("missing required field(s): queue")
        queue = self.queue(queue_id)
        result = self.set_status(task, "queued", body)
        queue["entries"].append({"task": task["id"], "added": now_iso()})
        if body.get("update_execution_queue", True):
            task.setdefault("execution", {})["queue"] = queue_id
        result["queued"] = 1
        return result

    def tasks_dequeue(self, body):
        require(body, "task")
        task = self.task(body["task"])
        if task["status"] != "queued":
            raise ApiFailure(400, 110, "Invalid task status (expected=queued, status=%s)" % task["status"])
        queue_id = task.get("execution", {}).get("queue")
        for queue in self.state.queues.values():
            if body.get("remove_from_all_queues") or queue["id"] == queue_id:
                self.remove_from_queue(queue, task["id"])
        result = self.set_status(task, body.get("new_status") or "created", {**body, "force": True})
        result["dequeued"] = 1
        return result

    def status_call(self, new_status):
        def call(body):
            require(body, "task")
            return self.set_status(self.task(body["task"]), new_status, body)
        return call

    def tasks_update(self, body):
        require(body, "task")
        task = self.task(body["task"])
        fields = {k: body[k] for k in ("name", "comment", "status_message", "tags", "system_tags")
                  if k in body}
        task.update(fields)
        return {"updated": 1, "fields": fields}

    def tasks_edit(self, body):
        require(body, "task")
        task = self.task(body["task"])
        self.editable(task, body)
        fields = {k: copy.deepcopy(body[k]) for k in ("runtime", "container", "name", "comment",
                                                       "execution", "script") if k in body}
        task.update(fields)
        return {"updated": 1, "fields": fields}

    def tasks_edit_hyper_params(self, body):
        require(body, "task", "hyperparams")
        task = self.task(body["task"])
        self.editable(task, body)
        hyperparams = task.setdefault("hyperparams", {})
        if body.get("replace_hyperparams") == "all":
            hyperparams.clear()
        for param in body["hyperparams"]:
            require(param, "section", "name")
            hyperparams.setdefault(param["section"], {})[param["name"]] = copy.deepcopy(param)
        return {"updated": 1}

    # -- projects, workers, events --------------------------------------------
    def projects_get_by_id(self, body):
        require(body, "project")
        project = self.state.projects.get(body["project"])
        if project is None:
            raise ApiFailure(400, 401, "Invalid project id (id=%s)" % body["project"])
        return {"project": copy.deepcopy(project)}

    def workers_register(self, body):
        require(body, "worker")
        self.state.workers[body["worker"]] = {"id": body["worker"], "queues": body.get("queues", []),
                                              "timeout": body.get("timeout", 600), "reports": []}
        return {}

    def workers_status_report(self, body):
        require(body, "worker", "timestamp")
        worker = self.state.workers.setdefault(body["worker"], {"id": body["worker"], "reports": []})
        worker["reports"].append(copy.deepcopy(body))
        return {}

    def workers_unregister(self, body):
        require(body, "worker")
        self.state.workers.pop(body["worker"], None)
        return {}

    def events_add_batch(self, events):
        for event in events:
            if event.get("type") == "log":
                require(event, "task")
                self.task(event["task"])
        self.state.events.extend(events)
        return {"added": len(events), "errors": 0}

    def handler(self, endpoint):
        special = {"tasks.started": self.status_call("in_progress"),
                   "tasks.stopped": self.status_call("stopped"),
                   "tasks.failed": self.status_call("failed"),
                   "tasks.completed": self.status_call("completed")}
        if endpoint in special:
            return special[endpoint]
        if not re.fullmatch(r"[a-z_]+\.[a-z_]+", endpoint):
            return None
        return getattr(self, endpoint.replace(".", "_"), None)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client can reuse its connection
    server_version = "clearml-test-double/1"
    # The headers and the body go out as two writes: with Nagle's algorithm
    # the body waits for the client's delayed ACK (40 ms a call on Linux),
    # which no real server adds.
    disable_nagle_algorithm = True

    def log_message(self, *args):  # quiet: the tests read /_test.requests instead
        pass

    @property
    def state(self):
        return self.server.state

    def do_GET(self):
        self.do_POST()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = self.path.split("?", 1)[0].lstrip("/")
        path = re.sub(r"^v\d+(\.\d+)?/", "", path)
        if path.startswith("_test."):
            self.control(path[len("_test."):], raw)
            return
        self.api_call(path, raw)

    # -- replies --------------------------------------------------------------
    def send_envelope(self, endpoint, code, subcode, message, data):
        envelope = {"meta": {"id": uuid.uuid4().hex, "trx": uuid.uuid4().hex,
                             "endpoint": {"name": endpoint, "requested_version": "2.31",
                                          "actual_version": "2.31"},
                             "result_code": code, "result_subcode": subcode,
                             "result_msg": message, "error_stack": None,
                             "error_data": {}},
                    "data": data}
        payload = json.dumps(envelope).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def control(self, action, raw):
        body = json.loads(raw) if raw.strip() else {}
        with self.state.lock:
            if action == "inject":
                problem = self.injection_problem(body)
                if problem:
                    self.send_envelope("_test.inject", 400, 12, problem, {})
                    return
                body.setdefault("count", 1)
                self.state.injections.append(body)
                data = {}
            elif action == "set_task":
                task = self.state.tasks.get(body.get("task"))
                if task is None or not isinstance(body.get("fields"), dict):
                    self.send_envelope("_test.set_task", 400, 101,
                                       "Unknown task or no fields object", {})
                    return
                for path, value in body["fields"].items():
                    target, parts = task, path.split(".")
                    for part in parts[:-1]:
                        target = target.setdefault(part, {})
                    target[parts[-1]] = copy.deepcopy(value)
                if "status" in body["fields"]:
                    task["status_changed"] = now_iso()
                task["last_update"] = now_iso()
                data = {"task": copy.deepcopy(task)}
            elif action == "counts":
                counts = {}
                for request in self.state.requests:
                    counts[request["endpoint"]] = counts.get(request["endpoint"], 0) + 1
                data = {"counts": counts}
            elif action == "clear_injections":
                self.state.injections.clear()
                data = {}
            elif action == "expire_tokens":
                self.state.tokens.clear()
                data = {}
            elif action == "requests":
                data = {"requests": copy.deepcopy(self.state.requests)}
            elif action == "clear_requests":
                self.state.requests.clear()
                data = {}
            elif action == "state":
                data = {"tasks": self.state.tasks, "queues": self.state.queues,
                        "projects": self.state.projects, "workers": self.state.workers,
                        "events": self.state.events}
                data = copy.deepcopy(data)
            elif action == "seed":
                self.state.seed(body)
                data = {}
            else:
                self.send_envelope("_test." + action, 404, 0, "Unknown test control", {})
                return
        self.send_envelope("_test." + action, 200, 0, "OK", data)

    @staticmethod
    def injection_problem(body):
        if body.get("kind") not in ("status", "drop", "drop_after", "delay", "malformed"):
            return "kind must be status, drop, drop_after, delay or malformed"
        if "probability" in body:
            p = body["probability"]
            if not isinstance(p, (int, float)) or not 0 <= p <= 1:
                return "probability must be a number from 0 to 1"
        return None

    def authenticate(self, endpoint):
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        if endpoint == "auth.login":
            if scheme != "Basic":
                raise ApiFailure(401, 20, "Unauthorized (missing credentials)")
            try:
                key, _, secret = base64.b64decode(value).decode().partition(":")
            except (ValueError, UnicodeDecodeError):
                raise ApiFailure(401, 20, "Unauthorized (malformed credentials)")
            if self.state.credentials.get(key) != secret or not key:
                raise ApiFailure(401, 22, "Unauthorized (invalid credentials)")
            return
        if scheme != "Bearer":
            raise ApiFailure(401, 20, "Unauthorized (missing credentials)")
        if value not in self.state.tokens:
            raise ApiFailure(401, 30, "Unauthorized (invalid token)")

    def api_call(self, endpoint, raw):
        record = {"endpoint": endpoint, "path": self.path, "time": time.time(),
                  "content_type": self.headers.get("Content-Type", ""),
                  "auth": self.headers.get("Authorization", "").partition(" ")[0] or "none",
                  "client_port": self.client_address[1], "raw_body": raw.decode(errors="replace")}
        with self.state.lock:
            self.state.requests.append(record)
            injection = self.state.take_injection(endpoint, self.headers.get("User-Agent", ""))
        if injection is not None:
            record["injected"] = injection["kind"]
            if injection["kind"] == "drop":
                self.close_connection = True
                return
            if injection["kind"] == "delay":
                time.sleep(float(injection.get("seconds", 1)))
            elif injection["kind"] == "status":
                status = int(injection.get("status", 503))
                record["status"] = status
                self.send_envelope(endpoint, status, int(injection.get("subcode", 0)),
                                   injection.get("message", "Injected failure"), {})
                return
        with self.state.lock:
            code, subcode, message, data = self.dispatch(endpoint, raw)
            record["status"] = code
        if injection is not None and injection["kind"] == "drop_after":
            self.close_connection = True
            return
        if injection is not None and injection["kind"] == "malformed":
            payload = str(injection.get("body", "{not json")).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        self.send_envelope(endpoint, code, subcode, message, data)

    def dispatch(self, endpoint, raw):
        api = Api(self.state)
        method = api.handler(endpoint)
        if method is None and endpoint != "auth.login":
            return 404, 0, "Unknown endpoint (%s)" % endpoint, {}
        try:
            self.authenticate(endpoint)
            if endpoint == "auth.login":
                token = "tok-" + uuid.uuid4().hex
                self.state.tokens.add(token)
                return 200, 0, "OK", {"token": token}
            if endpoint == "events.add_batch":
                body = [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
            else:
                body = json.loads(raw) if raw.strip() else {}
                if not isinstance(body, dict):
                    raise validation_error("the body must be a JSON object")
            return (200, 0, "OK", method(body))
        except ApiFailure as failure:
            return failure.code, failure.subcode, failure.message, {}
        except json.JSONDecodeError as error:
            return 400, 12, "Validation error (malformed JSON: %s)" % error, {}
        except (KeyError, TypeError, AttributeError) as error:
            return 500, 0, "Internal error (%s)" % type(error).__name__, {}



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", help="JSON file with the initial state")
    parser.add_argument("--seed-json", help="the initial state as JSON text")
    parser.add_argument("--access-key", help="an accepted access key")
    parser.add_argument("--secret-key", help="its secret key")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes (so a crashed test leaves no server behind)")
    args = parser.parse_args()

    state = State()
    if args.seed:
        with open(args.seed, encoding="utf-8") as seed_file:
            state.seed(json.load(seed_file))
    if args.seed_json:
        state.seed(json.loads(args.seed_json))
    if args.access_key:
        state.credentials[args.access_key] = args.secret_key or ""

    server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
    server.daemon_threads = True
    server.state = state
    print(server.server_address[1], flush=True)
    if args.exit_on_stdin_eof:
        def watch_stdin():
            sys.stdin.buffer.read()
            server.shutdown()
        threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
