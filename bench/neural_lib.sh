# neural_lib.sh — shared by the neural benchmarks (sourced, not run):
# run_one solves an instance with corto, verifies the solution with
# `corto check` and reads the construction's CPU time from the -v log.
# Needs $corto set, and $tmp (neural_start makes it).

# run_one FILE ARGS...: solve, check, and set R_COST (checked cost or "-")
# and R_MS (CPU milliseconds of the construction, from the -v log).
run_one() {
    local file=$1
    shift
    R_COST=-; R_MS=-
    if ! "$corto" solve "$file" "$@" -v --out "$tmp/sol" 2>"$tmp/err"; then
        return
    fi
    "$corto" check "$file" "$tmp/sol" >"$tmp/check" 2>&1 || return
    R_COST=$(awk '/^cost/ { print $2; exit }' "$tmp/check")
    R_MS=$(sed -n 's/.*construction: cost [0-9]*, [0-9]* routes, \([0-9.]*\) s.*/\1/p' \
        "$tmp/err" | head -1 | awk '{ printf "%.1f", 1000 * $1 }')
}

# gap COST REF: percentage above REF, or "-".
gap() {
    [ "$1" != - ] || { echo -; return; }
    awk -v c="$1" -v r="$2" 'BEGIN { printf "%.4f", 100 * (c - r) / r }'
}

# neural_start SCRIPT [DIR]: exit 2 naming SCRIPT unless $corto runs and
# (when DIR is given) DIR/bks.csv is readable; then make the scratch
# folder $tmp, removed on exit.
neural_start() {
    [ -x "$corto" ] || { echo "$1: no corto binary at $corto" >&2; exit 2; }
    if [ -n "${2:-}" ] && [ ! -r "$2/bks.csv" ]; then
        echo "$1: no $2/bks.csv" >&2
        exit 2
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}

# The 10 CVRPLIB X instances of 100 to 479 clients the neural benchmarks
# share (neural_x.sh's set).
NEURAL_X_INSTANCES="X-n101-k25 X-n148-k46 X-n190-k8 X-n233-k16 X-n280-k17 X-n336-k84 X-n384-k52 X-n429-k61 X-n459-k26 X-n480-k70"

# The built-in model, and neural_model_arg FILE for a --model argument:
# sets model_args (corto options) and model_name (for the table).
model_args=()
model_name="neural/models/default.cnn (see neural/models/README.md)"
neural_model_arg() {
    model_args=(--model "$1")
    model_name=$(basename "$1")
}
