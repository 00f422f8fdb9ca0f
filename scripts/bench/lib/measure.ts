/**
 * What the benches measure, for the parent and its measured children alike: no dependencies
 * (a child that imported `child.ts` would load esbuild and child_process into the job it measures).
 */
import { readFileSync } from "node:fs";

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** CPU seconds (user + system) of this process so far. */
export function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * The peak RSS in MB: the process's VmHWM where /proc has it (Linux), else `maxRSS` (which may keep
 * the peak of the parent that forked the child, before it exec'd node).
 */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // No /proc: the fallback below.
  }
  return process.resourceUsage().maxRSS / 1024;
}
