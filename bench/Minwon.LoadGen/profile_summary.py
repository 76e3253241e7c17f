#!/usr/bin/env python3
"""Summarises a node's CPU samples from `dotnet-trace collect --profile dotnet-sampled-thread-time`, converted with
`dotnet-trace convert FILE.nettrace --format speedscope`: the share of samples whose stack passes through each area
(inclusive, so the areas overlap), and where the socket sends and the epoll loop were, by library.

    python3 bench/Minwon.LoadGen/profile_summary.py node1.speedscope.json

A sample counts when its leaf is CPU_TIME: the thread was running managed or native code, or was runnable there and
waiting for a core (the profiler cannot tell them apart), so on a saturated machine time preempted inside a system call
is counted too. See docs/benchmarks/load.md ("Session 13: where a loaded node's time goes").
"""
import collections
import json
import re
import sys

AREAS = [
    ("PostMessage (the chat write path)", r"Minwon\.Server\.Features\.Conversations\.PostMessage"),
    ("ConversationJournal (lock, read, save)", r"ConversationJournal"),
    ("EF Core query pipeline", r"Microsoft\.EntityFrameworkCore.*(QueryingEnumerable|ShapedQueryCompilingExpressionVisitor|RelationalCommandCache|QueryCompiler)"),
    ("Npgsql", r"^Npgsql!"),
    ("event consumers", r"Minwon\.Server\.Platform\.Events\.EventConsumer"),
    ("event reader", r"EventReader"),
    ("live bus / hub bridge", r"HubBridge|LiveBus"),
    ("SignalR", r"Microsoft\.AspNetCore\.SignalR"),
    ("Redis client", r"StackExchange\.Redis|Pipelines\.Sockets"),
    ("Kestrel", r"Kestrel"),
    ("authentication", r"Microsoft\.AspNetCore\.Authentication\.(Cookies|AuthenticationHandler)|DataProtection"),
    ("issue detector", r"IssueAlerting|IssueDetector"),
    ("text guard (masking, abuse)", r"TextSafety"),
    ("System.Text.Json", r"System\.Text\.Json"),
    ("OpenTelemetry and metrics", r"OpenTelemetry|System\.Diagnostics\.Metrics|DiagnosticSource"),
    ("logging", r"Microsoft\.Extensions\.Logging"),
    ("garbage collection polls", r"PollGC"),
    ("leases", r"Minwon\.Server\.Platform\.Leases|Medallion"),
]
LIBRARIES = [("Npgsql", r"^Npgsql!"), ("Redis", r"StackExchange\.Redis|Pipelines\.Sockets"), ("Kestrel/SignalR", r"Kestrel|SignalR")]


def main(path):
    data = json.load(open(path, encoding="utf-8"))
    frames = [f["name"] for f in data["shared"]["frames"]]
    areas = [(name, re.compile(rx)) for name, rx in AREAS]
    libraries = [(name, re.compile(rx)) for name, rx in LIBRARIES]
    inclusive, sockets = collections.Counter(), collections.Counter()
    total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and frames[stack[-1]] == "CPU_TIME":
                dt = at - last
                total += dt
                names = [frames[f] for f in stack[:-1]]
                for name, rx in areas:
                    if any(rx.search(n) for n in names):
                        inclusive[name] += dt
                kind = ("send" if any("SocketPal.TryCompleteSendTo" in n for n in names)
                        else "receive" if any("SocketPal.TryCompleteReceive" in n for n in names)
                        else "epoll loop" if any("SocketAsyncEngine.EventLoop" in n for n in names) and names[-1] == "?!?"
                        else None)
                if kind:
                    who = next((name for name, rx in libraries if any(rx.search(n) for n in names)), "other")
                    sockets[f"{kind}, {who}"] += dt
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"CPU samples: {total:.0f} ms over {len(data['profiles'])} threads")
    print("--- share of samples through each area (inclusive; areas overlap)")
    for name, value in inclusive.most_common():
        print(f"{100 * value / total:5.1f} %  {name}")
    print("--- socket system calls and the epoll loop, by library")
    for name, value in sockets.most_common():
        print(f"{100 * value / total:5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
