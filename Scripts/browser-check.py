#!/usr/bin/env python3
"""Loads HTML and SVG files in headless Chromium through the DevTools protocol (--remote-debugging-pipe) and
fails when the page logs a console error, throws, or tries to load anything that is not the file itself
(every request other than file:, data: and about: is a blocked load). Writes screenshots on request.

Usage: browser-check.py CHROMIUM JOB...   where a JOB is a JSON object:
  {"url": "file:///…/rapport.html", "width": 1200, "height": 900,
   "shots": [{"file": "docs/overview.png"}, {"file": "docs/quotes.png", "selector": "#thema-juiste-match"}],
   "expect_text": ["…"], "scripts": 1, "expect_errors": false}
Exit status 0 when every job behaves as expected, 1 otherwise. Standard library only.
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="codeboom-chromium-")
        to_child_r, self.to_child_w = os.pipe()
        self.from_child_r, from_child_w = os.pipe()
        def wire():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)
        arguments = [chromium, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
                     "--no-default-browser-check", "--hide-scrollbars", "--user-data-dir=" + self.profile,
                     "--disable-background-networking", "--disable-extensions", "--disable-sync", "about:blank"]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")
        self.process = subprocess.Popen(arguments, pass_fds=(3, 4), preexec_fn=wire,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child_w, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read(deadline)
            if reply is None:
                break
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise RuntimeError(f"{method}: no answer within {timeout} s")

    def read(self, deadline):
        import select
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.from_child_r], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self.from_child_r, 1 << 20)
            if not chunk:
                return None
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            message = self.read(deadline)
            if message is None:
                break
            self.events.append(message)
        raise RuntimeError(f"no {method} within {timeout} s")

    def drain(self, seconds):
        deadline = time.time() + seconds
        while True:
            message = self.read(deadline)
            if message is None:
                return
            self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

def run(browser, job):
    problems = []
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(domain + ".enable", session=session)
    width, height = job.get("width", 1200), job.get("height", 900)
    browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
    browser.events.clear()
    browser.send("Page.navigate", {"url": job["url"]}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    browser.drain(1.0)
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            problems.append("console " + params["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + params.get("exceptionDetails", {}).get("text", "") + " "
                            + params.get("exceptionDetails", {}).get("exception", {}).get("description", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            problems.append("log " + params["entry"]["level"] + ": " + params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                problems.append("load attempted: " + url)
        elif method == "Network.loadingFailed" and params.get("blockedReason"):
            problems.append("load blocked (" + params["blockedReason"] + ")")
    def evaluate(expression):
        return browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session).get("result", {}).get("value")
    if "scripts" in job and evaluate("document.scripts.length") != job["scripts"]:
        problems.append(f"expected {job['scripts']} script element(s), found {evaluate('document.scripts.length')}")
    text = evaluate("document.documentElement.textContent") or ""
    for expected in job.get("expect_text", []):
        if expected not in text:
            problems.append("text missing: " + expected)
    for check in job.get("expect_true", []):
        if evaluate(check) is not True:
            problems.append("not true: " + check)
    for shot in job.get("shots", []):
        params = {"format": "png"}
        if "selector" in shot:
            document = browser.send("DOM.getDocument", session=session)["root"]["nodeId"]
            node = browser.send("DOM.querySelector", {"nodeId": document, "selector": shot["selector"]}, session=session)["nodeId"]
            if not node:
                problems.append("no element " + shot["selector"])
                continue
            quad = browser.send("DOM.getBoxModel", {"nodeId": node}, session=session)["model"]["border"]
            x, y = quad[0], quad[1]
            scroll = evaluate("[window.scrollX, window.scrollY]") or [0, 0]
            params["clip"] = {"x": x + scroll[0] - 8, "y": y + scroll[1] - 8, "width": min(quad[2] - x + 16, width),
                              "height": min(quad[5] - y + 16, shot.get("max_height", 1400)), "scale": 1}
            params["captureBeyondViewport"] = True
        elif shot.get("full"):
            size = browser.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            params["captureBeyondViewport"] = True
        data = browser.send("Page.captureScreenshot", params, session=session)["data"]
        os.makedirs(os.path.dirname(os.path.abspath(shot["file"])), exist_ok=True)
        with open(shot["file"], "wb") as out:
            out.write(base64.b64decode(data))
        print("wrote " + shot["file"])
    browser.send("Target.closeTarget", {"targetId": target})
    return problems

def main():
    chromium, jobs = sys.argv[1], [json.loads(argument) for argument in sys.argv[2:]]
    browser = Browser(chromium)
    failed = False
    try:
        for job in jobs:
            problems = run(browser, job)
            expected = job.get("expect_errors", False)
            if expected and not problems:
                print(f"browser-check: error: {job['url']}: the check found no problem in a page made to have them — the check itself is broken")
                failed = True
            elif expected:
                print(f"browser-check: the self-test page's problems were found ({len(problems)}): " + "; ".join(p[:80] for p in problems))
            elif problems:
                failed = True
                for problem in problems:
                    print(f"browser-check: error: {job['url']}: {problem}")
            else:
                print(f"browser-check: {job['url']}: no console errors, no loads from elsewhere")
    finally:
        browser.close()
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
