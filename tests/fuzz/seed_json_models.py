#!/usr/bin/env python3
"""Writes the json_models seed corpus from the recorded API interactions (../shared/fixtures/recorded).

Each seed is one byte choosing the parser (its index in json_models.cpp's `parsers`), then a response body:
the two smallest bodies of distinct endpoints for each parser, so that the corpus stays small.
Usage: tests/fuzz/seed_json_models.py <recorded-dir> <corpus-dir>
"""
import hashlib
import json
import pathlib
import re
import sys

# (method, path pattern after ids become N) -> parser index in json_models.cpp.
RULES = [
    (r"GET|POST", r"/2/tweets(/N)?$", lambda m, p: 0 if p.endswith("/N") or m == "POST" else 1),
    (r"GET", r"/2/(tweets/search/.*|users/N/(tweets|mentions|liked_tweets|bookmarks|timelines/.*)|lists/N/tweets|tweets/N/quote_tweets)$", 1),
    (r"GET", r"/2/users/(me|by/username/\w+)$", 2),
    (r"GET", r"/2/(users/by|users/N/(followers|following|muting)|tweets/N/(liking_users|retweeted_by)|lists/N/(followers|members))$", 3),
    (r"GET|POST", r"/2/lists(/N)?$", 4),
    (r"GET", r"/2/users/N/(followed|owned|pinned)_lists$|/2/users/N/list_memberships$", 5),
    (r"GET", r"/2/spaces/N\w+$", 6),
    (r"GET", r"/2/spaces(/by/creator_ids|/search)?$", 7),
    (r"GET", r"/2/(dm_events|dm_conversations/.*/dm_events)$", 9),
    (r"GET|POST", r"/2/compliance/jobs(/N)?$", lambda m, p: 11 if m == "GET" and p.endswith("jobs") else 10),
    (r"GET", r"/2/tweets/counts/\w+$", 12),
    (r"POST", r"/2/dm_conversations.*$", 14),
    (r"DELETE|POST|PUT", r"/2/.*$", 13),
    (r"GET|POST", r"/1\.1/statuses/(show|update|destroy/N|retweet/N|unretweet/N|update_with_media)\.json$|/1\.1/favorites/(create|destroy)\.json$", 17),
    (r"GET", r"/1\.1/statuses/(\w+_timeline|retweets/N|retweets_of_me)\.json$|/1\.1/(favorites/list|lists/statuses)\.json$", 18),
    (r"GET|POST", r"/1\.1/(users/show|account/verify_credentials|account/update_profile|blocks/(create|destroy)|friendships/(create|destroy)|lists/(members|subscribers)/show)\.json$", 19),
    (r"GET|POST", r"/1\.1/users/(lookup|search)\.json$", 20),
    (r"GET|POST", r"/1\.1/lists/(show|create|destroy|update|members/(create|destroy)(_all)?|subscribers/(create|destroy))\.json$", 21),
    (r"GET", r"/1\.1/lists/list\.json$", 22),
    (r"GET", r"/1\.1/friendships/show\.json$", 23),
    (r"GET|POST", r"/1\.1/saved_searches/(show/N|create|destroy/N)\.json$", 25),
    (r"GET", r"/1\.1/saved_searches/list\.json$", 26),
    (r"GET", r"/1\.1/geo/id/.*\.json$", 27),
    (r"GET", r"/1\.1/geo/(reverse_geocode|similar_places)\.json$", 28),
    (r"GET", r"/1\.1/search/tweets\.json$", 29),
    (r"GET", r"/1\.1/.*ids\.json$", 30),
    (r"GET", r"/1\.1/(followers|friends|blocks)/list\.json$|/1\.1/lists/(members|subscribers)\.json$", 31),
    (r"GET", r"/1\.1/lists/(memberships|ownerships|subscriptions)\.json$", 32),
    (r"POST", r"/1\.1/direct_messages/events/new\.json$", 33),
    (r"GET", r"/1\.1/direct_messages/events/list\.json$", 34),
    (r"GET", r"/1\.1/statuses/oembed\.json$", 35),
    (r"GET", r"/1\.1/help/languages\.json$", 36),
    (r"GET", r"/1\.1/application/rate_limit_status\.json$", 37),
]
MAX_BODY = 16 * 1024
PER_PARSER = 2


def parser_for(method, path):
    for methods, pattern, index in RULES:
        if re.fullmatch(methods, method) and re.search(pattern, path):
            return index(method, path) if callable(index) else index
    return None


def main(recorded, corpus):
    corpus.mkdir(parents=True, exist_ok=True)
    candidates = {}  # parser index -> {path: body}
    for cassette in sorted(recorded.glob("*.json")):
        for interaction in json.loads(cassette.read_text())["interactions"]:
            req, res = interaction["request"], interaction["response"]
            body = res["body"]
            if not isinstance(body, str) or not body or len(body) > MAX_BODY:
                continue
            version, rest = req["uri"].split("?")[0].split(".com/", 1)[1].split("/", 1)
            path = f"/{version}" + re.sub(r"/\d+(?=/|\.json|$)", "/N", "/" + rest)
            index = parser_for(req["method"], path)
            if index is not None:
                candidates.setdefault(index, {}).setdefault(path, body)
    for index, bodies in sorted(candidates.items()):
        for body in sorted(bodies.values(), key=len)[:PER_PARSER]:
            seed = bytes([index]) + body.encode()
            name = hashlib.sha1(seed).hexdigest()[:16]
            (corpus / f"recorded-{name}").write_bytes(seed)

if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
