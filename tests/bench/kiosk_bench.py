# SPDX-License-Identifier: GPL-2.0-or-later
"""The real ppid-kiosk under a private Xvfb, next to tests/bench/minimal_sdl.c
(run by tests/bench/kiosk.sh, which starts Xvfb and writes the config).

Clocks: every time is CLOCK_MONOTONIC (Python's time.monotonic_ns() here, the
kiosk's --trace-frames and minimal-sdl's --trace lines there).  Input is sent
with the XTEST extension (python3-xlib) and the X connection synced, so the
time taken just before an event is within a round trip of the X server
having it.  Prints table rows "| what | value | unit |" on stdout.

  exec to 1st frame   from just before the exec to the first "present" line
                      (after SDL_RenderPresent); the median of 5 starts of
                      each, alternating, after one uncounted start of each;
                      with SDL's default renderer (the kiosk's), then with
                      the software one (--software, both programs)
  peak RSS            VmHWM 1 s after the first frame (the worst start), and
                      the kiosk's again at the end of its session
  redraw              CPU per full redraw at 800x480, software renderer:
                      `ppid-kiosk --screens` (each screen, the text cache
                      warm; the worst of its variants and languages) and
                      `minimal-sdl --redraws 300`
  idle, wake-ups      the session kiosk on its welcome screen, 2 s after the
                      first frame: utime+stime of /proc/PID/stat, and the
                      voluntary + nonvoluntary context switches of every
                      thread (/proc/PID/task/*/status), over 10 s
  tap to next frame   press (and lift) on the language key, 100 taps
                      150-350 ms apart, 60 ms down: to the first "present"
                      after it; the first tap on the idle screen apart
  submit              a walk to the review screen (card swipe, typed
                      answers), then the lift on Send: to its frame, and to
                      the print_jobs row getting its CUPS job number (the
                      job accepted; the row polled read-only every 2 ms)
                      and its state done
"""

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

from Xlib import X, display
from Xlib.ext import xtest

ROW = "| %-44s | %12s | %-9s |"


def row(what, value, unit, fmt="%.1f"):
    print(ROW % (what, fmt % value if isinstance(value, float) else value, unit),
          flush=True)


def log(msg):
    if os.environ.get("BENCH_VERBOSE"):
        print("# " + msg, file=sys.stderr, flush=True)


def now_ns():
    return time.monotonic_ns()


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


class Trace:
    """The lines a program appended to its trace file, read as they come."""

    def __init__(self, path):
        self.path = path
        self.lines = []
        self.pos = 0

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.pos)
                data = f.read()
        except OSError:
            return
        cut = data.rfind(b"\n") + 1
        self.pos += cut
        for ln in data[:cut].decode().splitlines():
            parts = ln.split(" ", 2)
            if len(parts) == 3:
                self.lines.append((parts[0], int(parts[1]), parts[2]))

    def renderer(self):
        self.poll()
        for what, _, d in self.lines:
            if what == "renderer":
                return d
        return "?"

    def wait(self, what, after_ns, secs=10.0):
        """The first WHAT line stamped after after_ns (ns), or None."""
        end = time.monotonic() + secs
        while True:
            self.poll()
            for w, t, d in self.lines:
                if w == what and t > after_ns:
                    return t, d
            if time.monotonic() > end:
                return None
            time.sleep(0.0005)


def status_kib(pid, key):
    with open("/proc/%d/status" % pid) as f:
        for ln in f:
            if ln.startswith(key + ":"):
                return int(ln.split()[1])
    return -1


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        st = f.read().rsplit(")", 1)[1].split()
    return int(st[11]) + int(st[12])  # utime + stime, every thread


def switches(pid):
    """{tid: (name, voluntary + nonvoluntary)} for every thread."""
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            name, n = "?", 0
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for ln in f:
                    if ln.startswith("Name:"):
                        name = ln.split(None, 1)[1].strip()
                    elif ln.startswith(("voluntary_ctxt_switches:",
                                        "nonvoluntary_ctxt_switches:")):
                        n += int(ln.split()[1])
            out[tid] = (name, n)
        except OSError:
            pass
    return out


def stop(p):
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


# SDL's software renderer on X11 without the GL framebuffer (--software).
SOFT_ENV = dict(os.environ, SDL_FRAMEBUFFER_ACCELERATION="0")


class Kiosk:
    def __init__(self, a, trace, targets=None, software=False):
        self.a = a
        self.trace = Trace(trace)
        self.targets = targets
        args = [a.kiosk, "--config", a.conf, "--sim", "--run-dir", a.run,
                "--windowed", "800x480", "--trace-frames", trace]
        if targets:
            args += ["--targets", targets]
        if software:
            args += ["--software"]
        self.t0 = now_ns()
        self.p = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL,
                                  stderr=open(a.dir + "/kiosk.log", "ab"),
                                  env=SOFT_ENV if software else None)


def start_to_frame(a, which, i, software):
    """(ms from exec to the first present, renderer, VmHWM KiB after 1 s)."""
    trace = "%s/start-%s-%d-%d.trace" % (a.dir, which, i, software)
    if which == "kiosk":
        k = Kiosk(a, trace, software=software)
        p, t0, tr = k.p, k.t0, k.trace
    else:
        tr = Trace(trace)
        t0 = now_ns()
        p = subprocess.Popen([a.minimal, "--windowed", "800x480", "--trace",
                              trace] + (["--software"] if software else []),
                             stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL,
                             env=SOFT_ENV if software else None)
    got = tr.wait("present", 0, 30)
    time.sleep(1.0)
    hwm = status_kib(p.pid, "VmHWM") if p.poll() is None else -1
    stop(p)
    if not got:
        return None
    return (got[0] - t0) / 1e6, tr.renderer(), hwm


class Driver:
    """Taps and keys on the kiosk's window, found by its --targets file."""

    def __init__(self, k):
        self.k = k
        self.d = display.Display()
        self.root = self.d.screen().root
        wid = ""
        for _ in range(100):
            r = subprocess.run(["xdotool", "search", "--name", "^PPID Kiosk$"],
                               capture_output=True, text=True)
            wid = r.stdout.split()[0] if r.stdout.split() else ""
            if wid:
                break
            time.sleep(0.1)
        if not wid:
            raise RuntimeError("no PPID Kiosk window")
        self.wid = wid
        subprocess.run(["xdotool", "windowfocus", "--sync", wid],
                       capture_output=True)
        w = self.d.create_resource_object("window", int(wid))
        c = self.root.translate_coords(w, 0, 0)
        self.ox, self.oy = c.x, c.y

    def lines(self):
        import json
        try:
            with open(self.k.targets, encoding="utf-8") as f:
                return [json.loads(ln) for ln in f if ln.strip()]
        except (OSError, ValueError):
            return []

    def scene(self):
        ls = self.lines()
        return ls[0].get("scene", "") if ls else ""

    def find(self, ident, sel=None):
        for t in self.lines()[1:]:
            if t.get("id") != ident:
                continue
            if sel is None or t.get("index") == sel or t.get("label") == sel:
                return t["x"] + t["w"] // 2, t["y"] + t["h"] // 2
        return None

    def wait_scene(self, scene, secs=15):
        end = time.monotonic() + secs
        while self.scene() != scene:
            if time.monotonic() > end:
                raise RuntimeError("waited for scene %s, on %s" %
                                   (scene, self.scene()))
            time.sleep(0.02)

    def press(self, xy):
        self.d.xtest_fake_input(X.MotionNotify, x=self.ox + xy[0],
                                y=self.oy + xy[1])
        self.d.sync()
        t = now_ns()
        self.d.xtest_fake_input(X.ButtonPress, 1)
        self.d.sync()
        return t

    def release(self):
        t = now_ns()
        self.d.xtest_fake_input(X.ButtonRelease, 1)
        self.d.sync()
        return t

    def click(self, ident, sel=None):
        """Click a target (turning pages to find it); wait for the frame."""
        for _ in range(15):
            xy = self.find(ident, sel)
            if xy or not self.find("PAGE_NEXT"):
                break
            self._click_wait(self.find("PAGE_NEXT"))
        xy = self.find(ident, sel)
        if not xy:
            raise RuntimeError("no target %s on %s" % (ident, self.scene()))
        self._click_wait(xy)

    def _click_wait(self, xy):
        before = self.lines()
        self.press(xy)
        time.sleep(0.06)
        self.release()
        end = time.monotonic() + 2
        while self.lines() == before and time.monotonic() < end:
            time.sleep(0.02)
        time.sleep(0.1)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "30", "--", text],
                       check=True)
        time.sleep(0.2)


def walk_to_review(dr, a):
    dr.click("REQUEST")
    dr.wait_scene("identify")
    with open(a.run + "/cardreader.fifo", "w") as f:
        f.write("3201015708900001\n")
    dr.wait_scene("form")
    for v in ("Budi Santoso", "Jl. Merdeka No. 1, Bengkulu", "Guru",
              "081234567890", "", "Daftar TPS Kota Bengkulu Pemilu 2024",
              "Tugas sekolah"):
        if v:
            dr.type(v)
        dr.click("NEXT")
    dr.click("CHOICE", 2)
    dr.click("CHOICE", 0)
    dr.wait_scene("review")
    dr.click("CONSENT")
    dr.click("TRUTH")


def last_job(db):
    try:
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1)
        try:
            r = c.execute("SELECT state, cups_job FROM print_jobs "
                          "ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            c.close()
        return r
    except sqlite3.Error:
        return None


def screens_redraw(a):
    """{screen: worst ms CPU over both languages at 800x480}."""
    out = subprocess.run([a.kiosk, "--screens", a.dir + "/screens"],
                         capture_output=True, text=True,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    worst = {}
    for m in re.finditer(r"^redraw (\S+)-(id|en) 800x480: ([0-9.]+) ms CPU",
                         out.stdout, re.M):
        name = re.sub(r"-.*", "", m.group(1))
        worst[name] = max(worst.get(name, 0.0), float(m.group(3)))
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--conf", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    a.kiosk = a.build + "/ppid-kiosk"
    a.minimal = a.build + "/bench/minimal-sdl"
    a.run = a.dir + "/run"
    a.queue = os.environ.get("PPID_BENCH_QUEUE", "no queue")
    runs = 1 if a.quick else 5
    idle_s = 1.0 if a.quick else 10.0
    taps = 3 if a.quick else 100

    # 1, 2: start to the first frame, and the peak RSS then, alternating;
    # with SDL's default (accelerated) renderer as the kiosk has it, then
    # with the software one (both programs the same each time).
    hwm_min = None
    for software in (False, True):
        res = {"kiosk": [], "minimal": []}
        # One start of each first, not counted: the first exec after a
        # while pays for cold caches (the GL driver's, the page cache).
        start_to_frame(a, "minimal", -1, software)
        start_to_frame(a, "kiosk", -1, software)
        for i in range(runs):
            for which in ("minimal", "kiosk"):
                r = start_to_frame(a, which, i, software)
                if r:
                    res[which].append(r)
        if not res["kiosk"] or not res["minimal"]:
            row("start to first frame", "failed", "-", "%s")
            return 1
        st = {w: sorted(x[0] for x in res[w]) for w in res}
        ren = {w: res[w][0][1] for w in res}
        hwm = {w: max(x[2] for x in res[w]) / 1024.0 for w in res}
        med = {w: st[w][len(st[w]) // 2] for w in st}
        if hwm_min is None:
            hwm_min = hwm["minimal"]
        row("ppid-kiosk exec to 1st frame (%s)" % ren["kiosk"], med["kiosk"],
            "ms")
        row("minimal exec to 1st frame (%s)" % ren["minimal"],
            med["minimal"], "ms")
        row("kiosk/minimal 1st frame (%s, goal<=1.5)" % ren["kiosk"],
            med["kiosk"] / med["minimal"], "x", "%.2f")
        row("peak RSS minimal SDL2+ttf (%s)" % ren["minimal"],
            hwm["minimal"], "MiB", "%.2f")
        row("peak RSS kiosk, 1 s after start (%s)" % ren["kiosk"],
            hwm["kiosk"], "MiB", "%.2f")
        row("peak RSS kiosk / minimal at start (%s)" % ren["kiosk"],
            hwm["kiosk"] / hwm["minimal"], "x", "%.2f")

    # 4: CPU per full redraw, the kiosk's screens (--screens) and minimal's.
    worst = screens_redraw(a)
    mr = subprocess.run([a.minimal, "--redraws", "300"], capture_output=True,
                        text=True, env=dict(os.environ,
                                            SDL_VIDEODRIVER="dummy"))
    m = re.search(r"redraw_ms ([0-9.]+)", mr.stdout)
    minimal_ms = float(m.group(1)) if m else float("nan")
    for name in sorted(worst):
        row("redraw %s 800x480 (software)" % name, worst[name], "ms CPU",
            "%.3f")
    row("redraw minimal welcome 800x480 (software)", minimal_ms, "ms CPU",
        "%.3f")
    if "welcome" in worst:
        row("redraw welcome / minimal (goal <= 1.2)",
            worst["welcome"] / minimal_ms, "x", "%.2f")
    if worst:
        w = max(worst, key=worst.get)
        row("redraw worst (%s) / minimal" % w, worst[w] / minimal_ms, "x",
            "%.2f")

    # 5, 6, 7: one kiosk session.
    k = Kiosk(a, a.dir + "/session.trace", a.dir + "/targets.json")
    if not k.trace.wait("present", 0, 30):
        row("kiosk session", "no frame", "failed", "%s")
        return 1
    dr = Driver(k)
    dr.wait_scene("welcome")
    ren_s = k.trace.renderer()
    time.sleep(2.0)
    pid = k.p.pid
    c0, s0, t0 = cpu_ticks(pid), switches(pid), time.monotonic()
    time.sleep(idle_s)
    c1, s1, t1 = cpu_ticks(pid), switches(pid), time.monotonic()
    secs = t1 - t0
    woke = sum(n - s0[tid][1] for tid, (_, n) in s1.items() if tid in s0)
    for tid, (name, n) in sorted(s1.items()):
        log("thread %s %s: %d switches" % (tid, name,
                                           n - s0.get(tid, (0, n))[1]))
    hz = os.sysconf("SC_CLK_TCK")
    row("idle CPU on welcome, %d s (%s)" % (idle_s, ren_s),
        100.0 * (c1 - c0) / hz / secs, "% CPU", "%.2f")
    row("wake-ups on welcome, all threads (goal <= 2)", woke / secs, "/s",
        "%.2f")

    # The first tap on the idle screen: the loop pumps SDL once a second
    # then, every 250 ms for 30 s after a touch, every 16 ms for 2 s (its
    # wakes and these sleeps would be in step: a random phase).
    lang = dr.find("LANG")
    later = []
    for i in range(1 if a.quick else 4):
        time.sleep(random.uniform(2.1, 3.1) if i else random.uniform(0, 1))
        tp = dr.press(lang)
        f1 = k.trace.wait("present", tp, 5)
        time.sleep(0.06)
        dr.release()
        if f1 and i == 0:
            row("tap on idle welcome to next frame (%s)" % ren_s,
                (f1[0] - tp) / 1e6, "ms")
        elif f1:
            later.append((f1[0] - tp) / 1e6)
    if later:
        row("tap 2-3 s after a tap, worst of %d (%s)" % (len(later), ren_s),
            max(later), "ms")
    time.sleep(0.3)
    press, rel = [], []
    for _ in range(taps):
        time.sleep(random.uniform(0.15, 0.35))
        tp = dr.press(lang)
        fp = k.trace.wait("present", tp, 5)
        time.sleep(0.06)
        tr = dr.release()
        fr = k.trace.wait("present", tr, 5)
        if fp:
            press.append((fp[0] - tp) / 1e6)
        if fr:
            rel.append((fr[0] - tr) / 1e6)
    row("taps (XTEST, 150-350 ms apart, 60 ms down)", float(taps), "count",
        "%.0f")
    row("tap press to next frame p50 (%s)" % ren_s, pct(press, 50),
        "ms")
    row("tap press to next frame p99 (%s)" % ren_s, pct(press, 99),
        "ms")
    row("tap lift to next frame p50 (%s)" % ren_s, pct(rel, 50), "ms")
    row("tap lift to next frame p99 (%s)" % ren_s, pct(rel, 99), "ms")
    if len(press) < taps or len(rel) < taps:
        row("taps without a frame within 5 s", float(2 * taps - len(press) -
                                                     len(rel)), "count", "%.0f")
    time.sleep(0.5)
    if dr.scene() != "welcome" or dr.find("REQUEST") is None:
        row("kiosk session", "lost", "failed", "%s")
        stop(k.p)
        return 1

    # 7: submit to the CUPS job accepted (the print_jobs row gets the CUPS
    # job number once CUPS took the job: polled read-only, every 2 ms).
    walk_to_review(dr, a)
    for _ in range(15):
        if dr.find("SUBMIT") or not dr.find("PAGE_NEXT"):
            break
        dr._click_wait(dr.find("PAGE_NEXT"))
    xy = dr.find("SUBMIT")
    if not xy:
        row("submit", "no target", "failed", "%s")
        stop(k.p)
        return 1
    dr.press(xy)
    time.sleep(0.06)
    tr = dr.release()
    accepted = printed = None
    end = time.monotonic() + 30
    while time.monotonic() < end and printed is None:
        j = last_job(a.db)
        t = now_ns()
        if j and j[1] and accepted is None:
            accepted = t
        if j and j[0] in ("done", "failed"):
            printed = (t, j[0])
        time.sleep(0.002)
    fd = k.trace.wait("present", tr, 5)
    if fd:
        row("submit lift to next frame (%s)" % ren_s, (fd[0] - tr) / 1e6,
            "ms")
    if accepted:
        row("submit lift to CUPS job accepted", (accepted - tr) / 1e6, "ms")
    else:
        row("submit lift to CUPS job accepted", "never", "-", "%s")
    if printed:
        row("submit lift to print job %s (%s)" % (printed[1], a.queue),
            (printed[0] - tr) / 1e6, "ms")
    session_hwm = status_kib(pid, "VmHWM") / 1024.0
    stop(k.p)
    row("peak RSS kiosk, whole session (%s)" % ren_s, session_hwm,
        "MiB", "%.2f")
    row("peak RSS kiosk session / minimal (goal<=2)",
        session_hwm / hwm_min, "x", "%.2f")
    return 0


if __name__ == "__main__":
    sys.exit(main())
