#!/usr/bin/env python3
"""Opens the gateway's GraphiQL page in a headless Chromium with no way out to the internet, waits for the editor,
runs a query from the page as a user would (editor text, then the run button) and prints what happened as one JSON
object: whether the editor rendered, the response pane's text, every URL the page requested, requests that failed,
and the page's errors (exceptions, console errors, refused scripts). The caller asserts on it.

Usage: graphiql_in_chromium.py URL QUERY [--timeout SECONDS] [--wait-for TEXT]

With --wait-for, the response pane is read until it shows TEXT (a subscription's later event), not just anything.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3, events and
answers on fd 4, each message NUL-terminated), so nothing beyond the standard library and Debian's chromium is needed.
Every host name but 127.0.0.1 fails to resolve, so a page that still reaches for a CDN cannot load it.
"""
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

WAIT_FOR_EDITOR = "!!document.querySelector('.graphiql-query-editor .CodeMirror')"
RUN_QUERY = """(() => {
  const editor = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
  editor.setValue(%s);
  document.querySelector('.graphiql-execute-button').click();
  return true;
})()"""
RESPONSE_TEXT = """(() => {
  const pane = document.querySelector('.graphiql-response .CodeMirror');
  return pane ? pane.CodeMirror.getValue() : '';
})()"""


class Browser:
    def __init__(self, timeout):
        self.deadline = time.monotonic() + timeout
        self.profile = tempfile.mkdtemp(prefix="graphiql-chromium-")
        commands_read, self.commands = os.pipe()
        self.events, events_write = os.pipe()
        # The child's fd 3 reads our commands, its fd 4 writes to us; moved high first so the dup2s cannot collide,
        # and 3 and 4 named in pass_fds because the child closes every other descriptor after preexec_fn runs.
        high_in, high_out = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10), fcntl.fcntl(events_write, fcntl.F_DUPFD, 10)

        def wire():
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise SystemExit("no chromium on PATH (Debian: apt-get install chromium)")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--disable-extensions", "--disable-background-networking", "--no-proxy-server",
             "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
             f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (commands_read, events_write, high_in, high_out):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        self.requested, self.failed, self.errors = [], [], []

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        return self.wait_for(lambda m: m.get("id") == self.next_id)

    def wait_for(self, matches):
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                self.record(message)
                if matches(message):
                    if "error" in message:
                        raise RuntimeError(f"DevTools: {message['error']}")
                    return message.get("result", message.get("params"))
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the browser did not answer in time")
            ready, _, _ = select.select([self.events], [], [], remaining)
            if ready:
                chunk = os.read(self.events, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium exited")
                self.buffer += chunk

    def record(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requested.append(params["request"]["url"][:200])
        elif method == "Network.loadingFailed":
            self.failed.append(params.get("errorText", "") + " " + params.get("blockedReason", ""))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "evaluation failed"))
        return result["result"].get("value")

    def poll(self, expression, accept, every=0.2):
        while True:
            value = self.evaluate(expression)
            if accept(value):
                return value
            if time.monotonic() > self.deadline:
                return value
            time.sleep(every)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    url, query = sys.argv[1], sys.argv[2]
    timeout = float(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 60
    wait_for = sys.argv[sys.argv.index("--wait-for") + 1] if "--wait-for" in sys.argv else None
    browser = Browser(timeout)
    report = {"editorRendered": False, "response": "", "requested": [], "failed": [], "errors": []}
    try:
        targets = browser.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        browser.session = browser.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.send(f"{domain}.enable")
        browser.send("Page.navigate", {"url": url})
        report["editorRendered"] = bool(browser.poll(WAIT_FOR_EDITOR, bool))
        if report["editorRendered"]:
            browser.evaluate(RUN_QUERY % json.dumps(query))
            shown = (lambda text: wait_for in (text or "")) if wait_for else (lambda text: bool(text and text.strip()))
            report["response"] = browser.poll(RESPONSE_TEXT, shown)
    except (TimeoutError, RuntimeError, StopIteration) as error:
        report["errors"].append(f"driver: {error!r}")
    finally:
        report.update(requested=browser.requested, failed=browser.failed, errors=report["errors"] + browser.errors)
        browser.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
