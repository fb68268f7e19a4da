import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The parts of V8's .cpuprofile (the format of `node --cpu-prof`) read here. */
type CpuProfile = {
  /** Microseconds on the system's monotonic clock: the clock of `process.hrtime` in every process of the machine. */
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
};

export type HotFunction = { function: string; location: string; selfMs: number; selfPercent: number };

export type ProfileSummary = { path: string; totalMs: number; idleMs: number; top: HotFunction[]; window: "load" | "whole run" };

/** Now on the clock of .cpuprofile timestamps (see CpuProfile.startTime). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The profiles `node --cpu-prof` wrote into `dir`, largest first (the server's own process has the most samples). */
export function profilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
}

const shorten = (url: string, root: string) => (url.startsWith("file://") ? path.relative(root, new URL(url).pathname) : url);

/**
 * Self time per function: each sample's node is charged the time until the next sample, and
 * nodes of the same function (name, script and line) are added together. Percentages are of
 * the time the process was busy, i.e. not "(idle)". With `window` (monotonicMicros() readings
 * taken around the load), samples outside it (start-up, sign-in, shutdown) are left out.
 */
export function summariseProfile(file: string, { window, count = 25, root = process.cwd() }: { window?: { from: number; to: number }; count?: number; root?: string } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const sampleTimes: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) sampleTimes.push((t += delta));
  const inWindow = window !== undefined && sampleTimes.some((at) => at >= window.from && at <= window.to);
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const selfUs = new Map<string, { function: string; location: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    if (window && inWindow && (sampleTimes[i]! < window.from || sampleTimes[i]! > window.to)) continue;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(profile.samples[i]!);
    if (!frame) continue;
    totalUs += us;
    if (frame.functionName === "(idle)") idleUs += us;
    const location = frame.url ? `${shorten(frame.url, root)}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName}\u0000${location}`;
    const entry = selfUs.get(key) ?? { function: frame.functionName || "(anonymous)", location, us: 0 };
    entry.us += us;
    selfUs.set(key, entry);
  }
  const busyUs = Math.max(1, totalUs - idleUs);
  const top = [...selfUs.values()]
    .filter((e) => e.function !== "(idle)")
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({ function: e.function, location: e.location, selfMs: e.us / 1000, selfPercent: (e.us / busyUs) * 100 }));
  return { path: file, totalMs: totalUs / 1000, idleMs: idleUs / 1000, top, window: inWindow ? "load" : "whole run" };
}
