"""Checks that Alliance and PostGraphile answered the same rows (scripts/bench.sh).

Usage: same_rows.py <query> <alliance.json> <postgraphile.json>. Alliance's ids are global
(base64 of `Type:uuid`), PostGraphile's are the uuid column: both are reduced to the uuid. Exits 1
with both sides printed when they differ, or when either answer has errors or no rows at all."""

import base64
import json
import sys


def uuid(value):
    if value is None:
        return None
    if len(value) == 36 and value.count("-") == 4:
        return value
    padded = value + "=" * (-len(value) % 4)
    return base64.urlsafe_b64decode(padded).decode().split(":", 1)[1]


def ids(nodes):
    return [uuid(n["id"]) for n in nodes]


def dashboard_alliance(d):
    return {
        "alliances": [
            (uuid(a["id"]), a["name"], uuid((a["currentLead"] or {}).get("id")),
             uuid(((a["currentLead"] or {}).get("organization") or {}).get("id")))
            for a in d["alliances"]["nodes"]
        ],
        "meetings": (d["meetings"]["totalCount"],
                     [(uuid(m["id"]), m["title"], uuid(m["alliance"]["id"])) for m in d["meetings"]["nodes"]]),
        "activities": ids(d["activities"]["nodes"]),
        "agreements": ids(d["agreementsNearingExpiry"]["nodes"]),
        "actionItems": (d["myActionItems"]["totalCount"],
                        [(uuid(a["id"]), uuid(a["meeting"]["id"])) for a in d["myActionItems"]["nodes"]]),
    }


def dashboard_peer(d):
    return {
        "alliances": [
            (a["id"], a["name"], (a["currentLead"] or {}).get("id"),
             ((a["currentLead"] or {}).get("organizationByOrganizationId") or {}).get("id"))
            for a in d["benchMyAlliances"]["nodes"]
        ],
        "meetings": (d["benchUpcomingMeetings"]["totalCount"],
                     [(m["id"], m["title"], m["allianceByAllianceId"]["id"]) for m in d["benchUpcomingMeetings"]["nodes"]]),
        "activities": ids(d["benchActivities"]["nodes"]),
        "agreements": ids(d["benchAgreementsNearingExpiry"]["nodes"]),
        "actionItems": (d["benchMyActionItems"]["totalCount"],
                        [(a["id"], a["meetingByMeetingId"]["id"]) for a in d["benchMyActionItems"]["nodes"]]),
    }


SHAPES = {
    "dashboard": (dashboard_alliance, dashboard_peer),
    "organizations": (
        lambda d: [(uuid(o["id"]), o["name"]) for o in d["organizations"]["nodes"]],
        lambda d: [(o["id"], o["name"]) for o in d["benchVisibleOrganizations"]["nodes"]],
    ),
    "me": (lambda d: uuid(d["me"]["id"]), lambda d: d["userByEmail"]["id"]),
}


def main():
    query, ours_path, peer_path = sys.argv[1:4]
    ours, peer = (json.load(open(p, encoding="utf-8")) for p in (ours_path, peer_path))
    for name, answer in (("Alliance", ours), ("PostGraphile", peer)):
        if answer.get("errors") or not answer.get("data"):
            sys.exit(f"{query}: {name} answered with errors: {json.dumps(answer, ensure_ascii=False)[:2000]}")
    of_ours, of_peer = SHAPES[query]
    a, b = of_ours(ours["data"]), of_peer(peer["data"])
    if a != b or not a:
        print(f"{query}: the answers differ (or are empty)", file=sys.stderr)
        print(" Alliance:    ", json.dumps(a, ensure_ascii=False), file=sys.stderr)
        print(" PostGraphile:", json.dumps(b, ensure_ascii=False), file=sys.stderr)
        sys.exit(1)
    print(f"{query}: same rows ({len(json.dumps(a))} bytes of ids and names compared)")


if __name__ == "__main__":
    main()
