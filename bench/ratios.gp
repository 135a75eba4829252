# The ratio chart of bench/run.sh: one horizontal bar per ratio of build/bench/ratios.dat (index, ratio,
# label), on a log scale, with the line ratio = 1. usage: gnuplot -e "dat='..'; png='..'" bench/ratios.gp
set terminal pngcairo size 1000,600 font ",10" noenhanced
set output png
stats dat using 1 nooutput
n = STATS_records
set logscale x
set xlabel "ratio (log scale; see docs/performance.md for which side is better)"
set yrange [n:-1]
set ytics ()
set grid xtics
set style fill solid 0.6
unset key
set arrow from 1, graph 0 to 1, graph 1 nohead dt 2
set title "bench/run.sh: ratios measured in one run on one machine"
plot dat using ($2):1:(($2<1)?$2:1):(($2<1)?1:$2):($1-0.35):($1+0.35):ytic(3) with boxxyerror, \
     dat using ($2):1:(sprintf(" %.2f", $2)) with labels left
