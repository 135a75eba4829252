#!/usr/bin/env bash
# End-to-end test of twitter-cli against a separate twitter-emulator process: the authorization flows driven
# through pipes the way a user (or a script) would, the request command, its exit codes, the profile's mode,
# and that no token ever reaches the output. Only bash, coreutils and our two binaries.
#
# usage: end_to_end_test.sh <twitter-emulator> <twitter-cli>
# Exit status: 0 passed, 1 failed, 77 skipped parts (the emulator's env file lacks credentials a flow needs).

set -uo pipefail

emulator_bin=${1:?usage: end_to_end_test.sh <twitter-emulator> <twitter-cli>}
cli_bin=${2:?usage: end_to_end_test.sh <twitter-emulator> <twitter-cli>}

work=$(mktemp -d)
out=$work/out  # everything the CLI printed, checked for leaked secrets at the end
mkdir -p "$out"
emulator_pid=
children=()  # the twitter-cli coprocesses
failures=0
skipped=0

cleanup() {
    # Every path ends here: success, failure, `set -u` errors and signals (ctest's timeout among them).
    for pid in "${children[@]}"; do kill "$pid" 2>/dev/null; done
    if [[ -n $emulator_pid ]]; then
        kill "$emulator_pid" 2>/dev/null
        wait "$emulator_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted"; exit 1' INT TERM HUP

pass() { echo "  ok   $*"; }
fail() {
    echo "  FAIL $*"
    failures=$((failures + 1))
}
skip() {
    echo "  SKIP $*"
    skipped=$((skipped + 1))
}

# The emulator exits by itself after 150 s even if this script is killed with SIGKILL.
# shellcheck source=../start_emulator.sh
source "$(dirname "${BASH_SOURCE[0]}")/../start_emulator.sh"
start_emulator "$emulator_bin" 150 "$work"
if ! [[ $emulator_line =~ listening\ on\ (https://[^ ]+)\ ca=([^ ]+)\ env=([^ ]+) ]]; then
    echo "the emulator did not start:"
    cat "$work/emulator.out"
    exit 1
fi
base_url=${BASH_REMATCH[1]}
ca_file=${BASH_REMATCH[2]}
env_file=${BASH_REMATCH[3]}
echo "emulator at $base_url"

# Only the TWITTER_* credentials, read as data rather than sourced as a script.
secrets=()
while IFS='=' read -r name value; do
    [[ $name =~ ^TWITTER_[A-Z_]+$ ]] || continue
    export "$name=$value"
    [[ $name =~ (TOKEN|SECRET)$ ]] && [[ -n $value ]] && secrets+=("$value")
done <"$env_file"

profile=$work/profile
cli() {
    timeout 30 "$cli_bin" --base-url "$base_url" --ca-file "$ca_file" --profile "$profile" --timeout 20 "$@"
}

tweet=/2/tweets/1293593516040269825

echo "request with a bearer token from the environment"
cli request --auth bearer "$tweet" >"$out/bearer.out" 2>"$out/bearer.err"
status=$?
if [[ $status -eq 0 ]] && grep -q '"id":"1293593516040269825"' "$out/bearer.out"; then
    pass "GET $tweet prints the body"
else
    fail "GET $tweet: exit $status"
fi

echo "exit codes"
cli request --auth bearer /2/users/me >"$out/forbidden.out" 2>"$out/forbidden.err"
status=$?
if [[ $status -eq 1 ]] && grep -q '403' "$out/forbidden.err" && [[ ! -s $out/forbidden.out ]]; then
    pass "an API error (403) exits 1 with the X error on stderr"
else
    fail "an API error: exit $status"
fi
cli request --auth nonsense /2/users/me >"$out/usage.out" 2>"$out/usage.err"
status=$?
[[ $status -eq 2 ]] && pass "a usage error exits 2" || fail "a usage error: exit $status"
timeout 30 "$cli_bin" --base-url https://127.0.0.1:1 --profile "$profile" --timeout 5 \
    request --auth bearer "$tweet" \
    >"$out/transport.out" 2>"$out/transport.err"
status=$?
[[ $status -eq 3 ]] && pass "a transport error (connection refused) exits 3" ||
    fail "a transport error: exit $status"

echo "auth app"
if [[ -n ${TWITTER_CONSUMER_KEY:-} && -n ${TWITTER_CONSUMER_SECRET:-} ]]; then
    cli auth app >"$out/app.out" 2>"$out/app.err"
    status=$?
    [[ $status -eq 0 ]] && pass "auth app saved a bearer token" ||
        fail "auth app: exit $status: $(cat "$out/app.err")"
    mode=$(stat -c %a "$profile" 2>/dev/null)
    [[ $mode == 600 ]] && pass "the profile is mode 0600" || fail "the profile is mode ${mode:-missing}"
    # With no TWITTER_BEARER_TOKEN, --auth app must take the profile's token.
    env -u TWITTER_BEARER_TOKEN -u TWITTER_CONSUMER_KEY -u TWITTER_CONSUMER_SECRET \
        timeout 30 "$cli_bin" --base-url "$base_url" --ca-file "$ca_file" --profile "$profile" \
        request --auth app "$tweet" >"$out/app_request.out" 2>"$out/app_request.err"
    status=$?
    [[ $status -eq 0 ]] && pass "request --auth app uses the profile's token" ||
        fail "request --auth app: exit $status"
else
    skip "auth app: the emulator's env file has no TWITTER_CONSUMER_KEY / TWITTER_CONSUMER_SECRET"
fi

echo "auth oauth1 --callback oob, driven through a pipe"
if [[ -n ${TWITTER_CONSUMER_KEY:-} && -n ${TWITTER_CONSUMER_SECRET:-} ]]; then
    coproc oauth1 { cli auth oauth1 --callback oob 2>"$out/oauth1.err"; }
    oauth1_pid=$oauth1_PID
    children+=("$oauth1_pid")
    oauth1_in=${oauth1[1]}
    authorize_url=
    read -r -t 30 authorize_url <&"${oauth1[0]}"
    if [[ $authorize_url == "$base_url"/oauth/authorize\?oauth_token=* ]]; then
        pass "the first line of stdout is the authorization URL"
    else
        fail "the first line of stdout is not the authorization URL"
    fi
    # The user's browser: the emulator's oob page shows the PIN.
    cli request --auth none "$authorize_url" >"$out/pin_page.out" 2>"$out/pin_page.err"
    pin=
    [[ $(cat "$out/pin_page.out") =~ \<code\>([0-9]+)\</code\> ]] && pin=${BASH_REMATCH[1]}
    [[ -n $pin ]] && pass "the authorization page shows a PIN" || fail "no PIN on the authorization page"
    echo "$pin" >&"$oauth1_in"
    wait "$oauth1_pid"
    status=$?
    [[ $status -eq 0 ]] && pass "auth oauth1 saved the access token" ||
        fail "auth oauth1: exit $status: $(cat "$out/oauth1.err")"

    cli request --auth oauth1 /2/users/me >"$out/oauth1_me.out" 2>"$out/oauth1_me.err"
    status=$?
    if [[ $status -eq 0 ]] && grep -q '"username"' "$out/oauth1_me.out"; then
        pass "request --auth oauth1 /2/users/me with the saved token"
    else
        fail "request --auth oauth1: exit $status: $(cat "$out/oauth1_me.err")"
    fi

    echo "auth oauth1 --callback URL: the user pastes the URL they were redirected to"
    coproc oauth1cb { cli auth oauth1 --callback http://127.0.0.1/callback 2>"$out/oauth1cb.err"; }
    oauth1cb_pid=$oauth1cb_PID
    children+=("$oauth1cb_pid")
    oauth1cb_in=${oauth1cb[1]}
    authorize_url=
    read -r -t 30 authorize_url <&"${oauth1cb[0]}"
    cli request --auth none -i "$authorize_url" >"$out/oauth1cb_redirect.out" 2>"$out/oauth1cb_redirect.err"
    redirect=$(grep -i -m1 '^location: ' "$out/oauth1cb_redirect.out" | cut -d' ' -f2- | tr -d '\r')
    [[ $redirect == http://127.0.0.1/callback\?*oauth_verifier=* ]] && pass "302 to the callback" ||
        fail "no redirect to the callback"
    echo "$redirect" >&"$oauth1cb_in"
    wait "$oauth1cb_pid"
    status=$?
    [[ $status -eq 0 ]] && pass "auth oauth1 took the verifier from the redirect URL" ||
        fail "auth oauth1 --callback: exit $status: $(cat "$out/oauth1cb.err")"
else
    skip "auth oauth1: the emulator's env file has no TWITTER_CONSUMER_KEY / TWITTER_CONSUMER_SECRET"
fi

echo "auth oauth2, driven through a pipe"
if [[ -n ${TWITTER_CLIENT_ID:-} && -n ${TWITTER_REDIRECT_URI:-} ]]; then
    coproc oauth2 { cli auth oauth2 --scope "tweet.read users.read offline.access" 2>"$out/oauth2.err"; }
    oauth2_pid=$oauth2_PID
    children+=("$oauth2_pid")
    oauth2_in=${oauth2[1]}
    authorize_url=
    read -r -t 30 authorize_url <&"${oauth2[0]}"
    if [[ $authorize_url == "$base_url"/i/oauth2/authorize\?* ]]; then
        pass "the first line of stdout is the authorization URL"
    else
        fail "the first line of stdout is not the authorization URL"
    fi
    # The user's browser: the emulator approves and redirects (302); -i shows the Location header.
    cli request --auth none -i "$authorize_url" >"$out/redirect.out" 2>"$out/redirect.err"
    redirect=$(grep -i -m1 '^location: ' "$out/redirect.out" | cut -d' ' -f2- | tr -d '\r')
    [[ $redirect == "$TWITTER_REDIRECT_URI"\?* ]] && pass "the emulator redirected to the redirect URI" ||
        fail "no redirect to the redirect URI"
    echo "$redirect" >&"$oauth2_in"
    wait "$oauth2_pid"
    status=$?
    [[ $status -eq 0 ]] && pass "auth oauth2 saved the token" ||
        fail "auth oauth2: exit $status: $(cat "$out/oauth2.err")"

    cli request --auth oauth2 /2/users/me >"$out/oauth2_me.out" 2>"$out/oauth2_me.err"
    status=$?
    if [[ $status -eq 0 ]] && grep -q '"username"' "$out/oauth2_me.out"; then
        pass "request --auth oauth2 /2/users/me with the saved token"
    else
        fail "request --auth oauth2: exit $status: $(cat "$out/oauth2_me.err")"
    fi
    grep -q '^oauth2_token=' "$profile" && pass "the profile holds the OAuth 2.0 token" ||
        fail "no OAuth 2.0 token in the profile"

    # An expired token is refreshed by the handler, and token_updater rewrites the profile (still 0600).
    before=$(grep '^oauth2_token=' "$profile")
    sed -i 's/expires_at=[0-9]*/expires_at=1/' "$profile"  # GNU sed -i keeps the file's mode
    cli request --auth oauth2 /2/users/me >"$out/refresh.out" 2>"$out/refresh.err"
    status=$?
    after=$(grep '^oauth2_token=' "$profile")
    if [[ $status -eq 0 ]] && grep -q 'refreshed and saved' "$out/refresh.err" && [[ $after != "$before" ]] &&
        [[ $after != *expires_at=1 ]]; then
        pass "an expired OAuth 2.0 token is refreshed and the profile rewritten"
    else
        fail "refreshing an expired token: exit $status: $(cat "$out/refresh.err")"
    fi
else
    skip "auth oauth2: the emulator's env file has no TWITTER_CLIENT_ID / TWITTER_REDIRECT_URI"
fi

if [[ -f $profile ]]; then
    mode=$(stat -c %a "$profile")
    [[ $mode == 600 ]] && pass "the profile is still mode 0600" || fail "the profile is mode $mode"
    ls "$profile".tmp.* >/dev/null 2>&1 && fail "a temporary profile was left behind" ||
        pass "no temporary profile left"
    # Every value the profile holds is a secret too.
    while IFS='=' read -r name value; do
        [[ $name == \#* || -z $value || $name == *user_id || $name == *screen_name ]] && continue
        secrets+=("$value")
    done <"$profile"
fi

echo "no secret in anything the CLI printed"
leaked=0
for s in "${secrets[@]}"; do
    # A serialized OAuth 2.0 token is one line with several fields: look for each long field on its own.
    for piece in ${s//[^A-Za-z0-9_.~-]/ }; do
        [[ ${#piece} -ge 16 ]] || continue
        grep -rqF -- "$piece" "$out" && leaked=$((leaked + 1))
    done
done
[[ $leaked -eq 0 ]] && pass "no token or secret was printed (${#secrets[@]} checked)" ||
    fail "$leaked secret(s) printed"

if [[ $failures -ne 0 ]]; then
    echo "end-to-end: $failures failure(s)"
    exit 1
fi
if [[ $skipped -ne 0 ]]; then
    echo "end-to-end: passed, $skipped part(s) skipped"
    exit 77
fi
echo "end-to-end: all checks passed"
