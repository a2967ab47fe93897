#!/usr/bin/env python3
"""Server floor of a publish (benchmarks only): the time `git receive-pack` itself takes to accept a
minimal push, measured with the smallest possible client.

Usage: receive-pack-floor.py --url git://HOST:PORT/PATH --scratch BARE.git --id ID [--runs N]
                             [--ref refs/heads/main] [--verbose]

Each run opens one git:// connection to `git-receive-pack`, reads the ref advertisement, builds a commit
that adds or updates `projects/<id[:2]>/<id>/codesocial.yml` on the advertised tip of REF (git CLI
plumbing in the scratch bare repository SCRATCH, which must be a clone of the served repository;
missing tips are fetched into it, untimed), packs exactly the new objects (`git pack-objects --stdout
--revs` with `new` and `^old`), sends the command, a flush and the pack in ONE write (separate small
writes hit a ~40 ms Nagle/delayed-ACK stall on loopback), and reads the report-status. The report must
say `unpack ok` and `ok REF`, otherwise the script stops with exit 1.

Timed per run: the advertisement (connect to the end of the advertisement's flush: the daemon forks
`receive-pack`, which lists the refs) and the push (from the write of the command to the end of the
report: the server reads the pack, runs `unpack-objects`, the connectivity check `rev-list --objects
--stdin --not --all`, the ref update, and answers). Building the commit and the pack is not timed: a
client can do it before connecting. After the report the script waits for the server to close the
connection (untimed), so that runs do not overlap.

Prints the medians on standard output as one line: `PUSH_MS ADVERT_MS` (milliseconds, one decimal);
`--verbose` prints each run on standard error.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

ZERO = "0" * 40


class FloorError(Exception):
    """A failure that makes the measurement meaningless: reported on one line, exit 1."""


def git(scratch, *args, data=None, env=None):
    """Runs a git command in the scratch repository and returns its standard output (bytes)."""
    result = subprocess.run(["git", "--git-dir", scratch, *args], input=data, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise FloorError("git %s failed: %s" % (" ".join(args), result.stderr.decode(errors="replace").strip()))
    return result.stdout


def pkt(payload: bytes) -> bytes:
    """One pkt-line: four hex digits of length (including themselves), then the payload."""
    return b"%04x" % (len(payload) + 4) + payload


def read_pkt(stream):
    """Reads one pkt-line; returns None for a flush packet."""
    header = stream.read(4)
    if len(header) < 4:
        raise FloorError("the server closed the connection in the middle of a pkt-line")
    try:
        size = int(header, 16)
    except ValueError:
        raise FloorError("malformed pkt-line header %r" % header)
    if size == 0:
        return None
    if size < 4:
        raise FloorError("unexpected pkt-line of length %d" % size)
    payload = stream.read(size - 4)
    if len(payload) < size - 4:
        raise FloorError("the server closed the connection in the middle of a pkt-line")
    return payload


def read_advertisement(stream):
    """Reads the ref advertisement up to its flush; returns ({ref: oid}, capabilities)."""
    refs, capabilities = {}, set()
    while True:
        line = read_pkt(stream)
        if line is None:
            return refs, capabilities
        if line.startswith(b"ERR "):
            raise FloorError("the server refused the connection: %s" % line[4:].decode(errors="replace").strip())
        text, _, caps = line.rstrip(b"\n").partition(b"\0")
        if caps:
            capabilities.update(caps.decode().split())
        oid, _, ref = text.decode().partition(" ")
        if ref != "capabilities^{}":
            refs[ref] = oid


def description(entry_id: str, run: int, old: str) -> bytes:
    """A small description for the entry, different at each run and from the tip's (it names the tip)."""
    return ("codesocial: 1\nid: %s\nname: \"Projet %s\"\nkind: project\nsummary: \"plancher serveur, tour %d sur %s\"\n"
            "language: fr\n" % (entry_id, entry_id, run, old[:12])).encode()


def build_pack(scratch, url, ref, old, entry_id, run):
    """Builds a commit updating the entry on `old` and returns (new oid, pack bytes of exactly the new objects)."""
    if subprocess.run(["git", "--git-dir", scratch, "cat-file", "-e", old + "^{commit}"],
                      stderr=subprocess.DEVNULL).returncode != 0:
        git(scratch, "fetch", "-q", url, "+%s:refs/floor/tip" % ref)
    blob = git(scratch, "hash-object", "-w", "--stdin", data=description(entry_id, run, old)).decode().strip()
    index = os.path.join(scratch, "floor.index")
    env = dict(os.environ, GIT_INDEX_FILE=index)
    try:
        git(scratch, "read-tree", old, env=env)
        path = "projects/%s/%s/codesocial.yml" % (entry_id[:2], entry_id)
        git(scratch, "update-index", "--add", "--cacheinfo", "100644,%s,%s" % (blob, path), env=env)
        tree = git(scratch, "write-tree", env=env).decode().strip()
    finally:
        if os.path.exists(index):
            os.remove(index)
    new = git(scratch, "commit-tree", tree, "-p", old, "-m", "publish %s" % entry_id).decode().strip()
    # Keep the commit reachable in the scratch repository for the next run's `^old`.
    git(scratch, "update-ref", "refs/floor/tip", new)
    pack = git(scratch, "pack-objects", "--stdout", "--revs", "-q", data=("%s\n^%s\n" % (new, old)).encode())
    return new, pack


def one_run(host, port, path, args, run):
    """One measured push; returns (advertisement seconds, push seconds)."""
    start = time.perf_counter()
    sock = socket.create_connection((host, port), timeout=60)
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        stream = sock.makefile("rb")
        sock.sendall(pkt(b"git-receive-pack %s\0host=%s:%d\0" % (path.encode(), host.encode(), port)))
        refs, capabilities = read_advertisement(stream)
        advertised = time.perf_counter()
        if "report-status" not in capabilities:
            raise FloorError("the server does not offer report-status (capabilities: %s)" % " ".join(sorted(capabilities)))
        old = refs.get(args.ref)
        if old is None:
            raise FloorError("the server does not advertise %s (refs: %s)" % (args.ref, ", ".join(sorted(refs)) or "none"))
        new, pack = build_pack(args.scratch, args.url, args.ref, old, args.id, run)
        command = pkt(b"%s %s %s\0report-status agent=codesocial-bench-floor\n" % (old.encode(), new.encode(), args.ref.encode()))
        sent = time.perf_counter()
        sock.sendall(command + b"0000" + pack)
        report = []
        while True:
            line = read_pkt(stream)
            if line is None:
                break
            report.append(line.decode(errors="replace").rstrip("\n"))
        reported = time.perf_counter()
        if "unpack ok" not in report or "ok %s" % args.ref not in report:
            raise FloorError("push of %s rejected, report-status: %s" % (new, " | ".join(report) or "(empty)"))
        while stream.read(65536):
            pass  # the server closes once receive-pack exits (hooks, gc --auto): untimed
        if args.verbose:
            print("run %d: advertisement %.1f ms, push %.1f ms, pack %d bytes, %s" % (
                run, (advertised - start) * 1e3, (reported - sent) * 1e3, len(pack), " | ".join(report)), file=sys.stderr)
        return advertised - start, reported - sent
    finally:
        sock.close()


def main():
    parser = argparse.ArgumentParser(description="Median time git receive-pack takes to accept a one-entry push over git://.")
    parser.add_argument("--url", required=True, help="git://HOST:PORT/PATH of the served registry")
    parser.add_argument("--scratch", required=True, help="a bare clone of the served registry, used to build commits")
    parser.add_argument("--id", required=True, help="id of the entry to add or update")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--ref", default="refs/heads/main")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    if url.scheme != "git" or not url.hostname or not url.path:
        parser.error("--url must be git://HOST[:PORT]/PATH")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    for key, value in (("GIT_AUTHOR_NAME", "Bench"), ("GIT_AUTHOR_EMAIL", "bench@example.org"),
                       ("GIT_COMMITTER_NAME", "Bench"), ("GIT_COMMITTER_EMAIL", "bench@example.org")):
        os.environ.setdefault(key, value)
    try:
        times = [one_run(url.hostname, url.port or 9418, url.path, args, run) for run in range(1, args.runs + 1)]
    except (FloorError, OSError) as error:
        print("receive-pack-floor: %s" % error, file=sys.stderr)
        return 1
    print("%.1f %.1f" % (statistics.median(t[1] for t in times) * 1e3, statistics.median(t[0] for t in times) * 1e3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
