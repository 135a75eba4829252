// Timing shared by the Node peers: medians of rounds of a fixed length, and the JSON line format of bench/.
'use strict';

function medianUsPerOp(op, rounds = 7, roundSeconds = 0.3) {
  const now = () => Number(process.hrtime.bigint()) / 1e9;
  let n = 1;
  let elapsed = 0;
  for (;;) {  // calibrate: grow n until one batch takes a tenth of a round
    const start = now();
    for (let i = 0; i < n; ++i) op();
    elapsed = now() - start;
    if (elapsed >= roundSeconds / 10) break;
    n *= 2;
  }
  const perRound = Math.max(1, Math.floor(n * roundSeconds / elapsed));
  const samples = [];
  for (let r = 0; r < rounds; ++r) {
    const start = now();
    for (let i = 0; i < perRound; ++i) op();
    samples.push((now() - start) * 1e6 / perRound);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function emit(fields) {
  process.stdout.write(JSON.stringify(fields) + '\n');
}

module.exports = { medianUsPerOp, emit };
