# Sourced by the scripts that run against a separate twitter-emulator process (run_with_emulator.sh,
# cli/end_to_end_test.sh): one way to start it and to know when it serves.
#
# start_emulator <twitter-emulator> <seconds> <work dir> [emulator options...]
# Starts the emulator in the background with its temporary files in <work dir>, sets emulator_pid, and waits
# up to 10 s for its "twitter-emulator listening on ..." line, which it sets in emulator_line (empty when the
# emulator exited or never said it). The caller reads the URL, CA and env file from that line. <seconds>
# bounds the emulator's life with timeout(1), so that it exits by itself even if the caller is killed with
# SIGKILL and never reaches its cleanup.
start_emulator() {
    local bin=$1 seconds=$2 work=$3
    shift 3
    TMPDIR=$work timeout "$seconds" "$bin" "$@" >"$work/emulator.out" 2>&1 &
    emulator_pid=$!
    emulator_line=
    for _ in $(seq 1 100); do
        emulator_line=$(grep -m1 'twitter-emulator listening on' "$work/emulator.out" 2>/dev/null) && break
        kill -0 "$emulator_pid" 2>/dev/null || break
        sleep 0.1
    done
}

# export_emulator_env <work dir>
# After start_emulator: exports every variable of the emulator's env file (credentials, URL, CA), or prints
# what the emulator said and exits 1 when it did not start.
export_emulator_env() {
    if ! [[ $emulator_line =~ env=([^ ]+) ]]; then
        echo "the emulator did not start:"
        cat "$1/emulator.out"
        exit 1
    fi
    set -a
    # shellcheck disable=SC1090
    source "${BASH_REMATCH[1]}"
    set +a
}
