// Peak memory of a process tree, read from /proc (Linux only).
//
// Adapted from the TreeSampler of the reference harness (../shared/bench/lspbench.mjs).
// Every `intervalMs` it lists the root process and all its descendants and keeps, per
// pid, the highest VmHWM ("high water mark", the peak resident set the kernel recorded
// for that process). The peak RSS of the tree is the sum of those per-process peaks:
// an upper bound of the real simultaneous peak when there are several processes, and
// exact for a single-process server. A descendant that lives shorter than one interval
// can be missed.
import fs from 'node:fs';

function readPpid(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function readStatusKb(pid, key) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = s.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** pids of root and every descendant of it */
export function processTree(root) {
  const children = new Map();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const ppid = readPpid(e);
    if (ppid == null) continue;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(e));
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const c of children.get(out[i]) ?? []) out.push(c);
  return out;
}

export class TreeSampler {
  constructor(rootPid, intervalMs = 100) {
    this.root = rootPid;
    this.hwm = new Map(); // pid -> highest VmHWM seen, kB
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample() {
    let pids;
    try {
      pids = processTree(this.root);
    } catch {
      return;
    }
    for (const pid of pids) {
      const h = readStatusKb(pid, 'VmHWM');
      if (h != null) this.hwm.set(pid, Math.max(this.hwm.get(pid) ?? 0, h));
    }
  }

  /** the peak RSS of the tree so far, in kB (sampling goes on) */
  peek() {
    this.sample();
    let sum = 0;
    for (const v of this.hwm.values()) sum += v;
    return sum;
  }

  /** stops sampling; the peak RSS of the tree in kB and how many processes were seen */
  stop() {
    if (this.timer) {
      this.sample();
      clearInterval(this.timer);
      this.timer = null;
    }
    let sum = 0;
    for (const v of this.hwm.values()) sum += v;
    return { peakRssKb: sum, processes: this.hwm.size };
  }
}
