"""Tweepy (Debian python3-tweepy) throughput: tweepy.Client.get_me(user_auth=True) (OAuth 1.0a user context) in a
sequential loop against a twitter-emulator, as a Tweepy user would write it. Tweepy's Client has no host
setting ("https://api.twitter.com" is written into Client.request), so its requests.Session is wrapped to send
that origin to the emulator's instead, before requests-oauthlib signs, so that the signed URL is the one sent;
the emulator's CA comes in through REQUESTS_CA_BUNDLE, which requests reads.

usage: throughput_tweepy.py <seconds>, with the emulator's env file exported."""
import os
import sys
import time

import tweepy

from timing import emit

X_ORIGIN = "https://api.twitter.com"
emulator = os.environ["TWITTER_EMULATOR_URL"]
os.environ["REQUESTS_CA_BUNDLE"] = os.environ["TWITTER_EMULATOR_CA"]

client = tweepy.Client(consumer_key=os.environ["TWITTER_CONSUMER_KEY"],
                       consumer_secret=os.environ["TWITTER_CONSUMER_SECRET"],
                       access_token=os.environ["TWITTER_ACCESS_TOKEN"],
                       access_token_secret=os.environ["TWITTER_ACCESS_TOKEN_SECRET"])
send = client.session.request


def to_emulator(method, url, *args, **kwargs):
    assert url.startswith(X_ORIGIN)
    return send(method, emulator + url[len(X_ORIGIN):], *args, **kwargs)


client.session.request = to_emulator

seconds = float(sys.argv[1])
assert client.get_me(user_auth=True).data.id  # connection set-up stays out of the count
count = 0
start = time.perf_counter()
stop = start + seconds
while time.perf_counter() < stop:
    if not client.get_me(user_auth=True).data.id:
        raise SystemExit("an answer without its user")
    count += 1
emit(bench="throughput", subject="tweepy", metric="requests_per_second",
     value=round(count / (time.perf_counter() - start), 3))
