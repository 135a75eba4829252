"""oauthlib (Debian python3-oauthlib) signing the request of signing_request.json: one oauth1.Client made once,
Client.sign() per signature (fresh nonce and timestamp, base string, HMAC-SHA1, Authorization header)."""
import json
import os
import urllib.parse

from oauthlib import oauth1

from timing import emit, median_us_per_op

r = json.load(open(os.path.join(os.path.dirname(__file__), "signing_request.json")))
r["query"] = [tuple(p) for p in r["query"]]
r["form"] = [tuple(p) for p in r["form"]]
uri = r["url"] + "?" + urllib.parse.urlencode(r["query"])
body = urllib.parse.urlencode(r["form"])
headers = {"Content-Type": "application/x-www-form-urlencoded"}
client = oauth1.Client(r["consumer_key"], client_secret=r["consumer_secret"],
                       resource_owner_key=r["access_token"], resource_owner_secret=r["access_token_secret"])


def sign():
    _, signed, _ = client.sign(uri, r["method"], body=body, headers=headers)
    assert signed["Authorization"].startswith("OAuth ")


emit(bench="signing", subject="oauthlib", metric="us_per_signature", value=round(median_us_per_op(sign), 2))
