"""Tweepy (Debian python3-tweepy) signing the request of signing_request.json the way tweepy.Client does for a
user-context call: a new OAuth1UserHandler per request, its apply_auth() (requests-oauthlib's OAuth1), applied
to a prepared request (a copy of one prepared once, so that requests' own URL and body encoding stay out)."""
import json
import os

import requests
from tweepy import OAuth1UserHandler

from timing import emit, median_us_per_op

r = json.load(open(os.path.join(os.path.dirname(__file__), "signing_request.json")))
r["query"] = [tuple(p) for p in r["query"]]
r["form"] = [tuple(p) for p in r["form"]]
prepared = requests.Request(r["method"], r["url"], params=r["query"], data=r["form"]).prepare()


def sign():
    auth = OAuth1UserHandler(r["consumer_key"], r["consumer_secret"], r["access_token"],
                             r["access_token_secret"]).apply_auth()
    signed = auth(prepared.copy())
    assert signed.headers["Authorization"].startswith("OAuth ")


emit(bench="signing", subject="tweepy", metric="us_per_signature", value=round(median_us_per_op(sign), 2))
