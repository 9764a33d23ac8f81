#!/usr/bin/env python3
"""Writes N JSON Lines requests for `privacy decide` on the built-in policy: a mix of all five
actions, with and without subject histories, each line with its own id. Usage:
    generate-requests.py N OUTPUT"""
import json
import sys

n, path = int(sys.argv[1]), sys.argv[2]
templates = [
    {"action": "communicate", "at": "2026-03-01T09:00:00Z", "message": "marketing", "channel": "email",
     "subject": {"id": "u", "hasEmail": True, "events": [{"type": "marketing-opt-out", "at": "2026-02-01T10:00:00Z"}]}},
    {"action": "communicate", "at": "2026-03-01T09:00:00Z", "message": "marketing", "channel": "email", "subject": {"id": "u", "hasEmail": True}},
    {"action": "retain", "at": "2026-03-15T00:00:00Z", "category": "personal.email", "collectedAt": "2025-06-01T00:00:00Z",
     "subject": {"id": "u", "events": [{"type": "erasure-requested", "at": "2026-03-01T00:00:00Z"}]}},
    {"action": "use", "at": "2026-03-01T09:00:00Z", "category": "sensitive.health", "purpose": "service.delivery",
     "subject": {"events": [{"type": "consent-granted", "at": "2026-01-01T00:00:00Z", "purpose": "service.delivery"}]}},
    {"action": "use", "at": "2026-03-01T09:00:00Z", "category": "personal.location.network", "purpose": "service.location",
     "context": {"locationFeatureInUse": True}},
    {"action": "disclose", "at": "2026-03-01T09:00:00Z", "category": "personal.email", "recipient": "service-provider",
     "reason": "service-provision", "context": {"confidentialityAgreement": True}},
    {"action": "disclose", "at": "2026-03-01T09:00:00Z", "category": "personal.name", "recipient": "third-party", "reason": "consent"},
    {"action": "retain", "at": "2026-03-15T00:00:00Z", "category": "personal.log.ip-address", "collectedAt": "2026-02-01T00:00:00Z",
     "grounds": ["fraud-prevention"]},
    {"action": "collect", "at": "2026-03-01T09:00:00Z", "category": "personal.email", "purpose": "service.delivery"},
    {"action": "use", "at": "2026-03-01T09:00:00Z", "category": "personal.email", "purpose": "marketing.own",
     "subject": {"id": "u", "hasEmail": True, "events": [{"type": "marketing-opt-in", "at": "2026-02-01T10:00:00Z"}]}},
]
lines = [json.dumps(t, separators=(",", ":")) for t in templates]
with open(path, "w", encoding="utf-8") as out:
    for i in range(n):
        out.write('{"id":"r%d",' % i)
        out.write(lines[i % len(lines)][1:])
        out.write("\n")
