import { existsSync, readdirSync, readFileSync } from "node:fs";

/** `root` and every process below it (Linux /proc). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory of one process in bytes (0 once it has ended). */
function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export type RssSampler = {
  /** The peak since the previous call (or the start), and a new window from now. */
  windowPeak(): number | null;
  stop(): { peakBytes: number; lastBytes: number; processes: number; samples: number } | null;
};

/**
 * Samples the summed resident memory of `root`'s process tree every `intervalMs` and keeps the
 * peak. The tree is walked again once a second (Next may start workers); in between only the
 * known processes' status files are read. Returns null on systems without /proc.
 */
export function sampleRss(root: number, intervalMs = 250): RssSampler {
  if (!existsSync(`/proc/${root}/status`)) return { windowPeak: () => null, stop: () => null };
  let pids = processTree(root);
  let peakBytes = 0;
  let windowBytes = 0;
  let lastBytes = 0;
  let samples = 0;
  let processes = pids.length;
  const sample = () => {
    if (samples % Math.max(1, Math.round(1000 / intervalMs)) === 0) pids = processTree(root);
    lastBytes = pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
    peakBytes = Math.max(peakBytes, lastBytes);
    windowBytes = Math.max(windowBytes, lastBytes);
    processes = Math.max(processes, pids.length);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    windowPeak: () => {
      const peak = windowBytes;
      windowBytes = lastBytes;
      return peak;
    },
    stop: () => {
      clearInterval(timer);
      return { peakBytes, lastBytes, processes, samples };
    },
  };
}

/** CPU time (user + system) each process has used so far, in ms; Linux counts it in clock ticks of 10 ms. */
export function cpuByProcess(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8");
      const after = fields.slice(fields.lastIndexOf(")") + 2).split(" ");
      used.set(pid, (Number(after[11]) + Number(after[12])) * 10);
    } catch {
      // the process ended while we looked
    }
  }
  return used;
}

/**
 * CPU time used between two readings of `cpuByProcess`. A process that started in between
 * counts whole (a database connection the pool opened under load); one that ended in between
 * is lost, which only matters for processes that live shorter than a measured window.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Processes whose command name (`/proc/<pid>/comm`) is `name`, such as every Postgres backend. */
export function processesNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** CPU time every core of the machine has spent busy so far (all but idle and I/O wait), in ms. */
function machineCpuMillis(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: steal is time the host gave to others, not ours.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return (user + nice + system + irq + softirq) * 10;
}

/** What a CPU meter reads: busy milliseconds per process (the machine as a whole is one entry). */
export type CpuMeter = () => Map<number, number>;

export const processTreeMeter = (root: number): CpuMeter => () => cpuByProcess(processTree(root));
export const namedProcessMeter = (name: string): CpuMeter => () => cpuByProcess(processesNamed(name));
export const machineMeter: CpuMeter = () => new Map([[0, machineCpuMillis()]]);
