#!/usr/bin/env bash
# classes.sh — per-class averages of a VRPTW bench result (Solomon C1, C2,
# R1, R2, RC1, RC2; Gehring-Homberger alike): reads bench/results/X.csv as
# written by run.sh and appends a Markdown table of runs, average gap % and
# average CPU s per class to bench/results/X.md.
#
# usage: bench/classes.sh bench/results/solomon-30s.csv
set -euo pipefail
csv=${1:?usage: bench/classes.sh RESULT.csv}
md=${csv%.csv}.md
[ -f "$csv" ] || { echo "classes.sh: no file $csv" >&2; exit 2; }
{
    echo
    echo "Per class (instance name prefix: C1, C2, R1, R2, RC1, RC2):"
    echo
    echo "| class | runs | average gap % | average CPU s |"
    echo "|---|---|---|---|"
    awk -F, 'NR > 1 && $5 != "-" {
            name = toupper($1)
            if (match(name, /^(RC|C|R)[12]/)) {
                c = substr(name, RSTART, RLENGTH)
                s[c] += $5; t[c] += $6; n[c]++
            }
        }
        END {
            split("C1 C2 R1 R2 RC1 RC2", order, " ")
            for (k = 1; k <= 6; k++) {
                c = order[k]
                if (n[c]) printf "| %s | %d | %.2f | %.2f |\n", c, n[c], s[c] / n[c], t[c] / n[c]
            }
        }' "$csv"
} >>"$md"
echo "classes.sh: per-class table appended to $md"
