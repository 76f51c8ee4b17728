// Preloaded with `node --import` by bench/run.mjs: writes the process's peak
// resident set size (KiB) and CPU time (microseconds, user and system) to
// $BENCH_RSS_FILE as JSON when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
});
