import { SPIN_BOARD } from '../spin-site.ts';

/**
 * No progress in a real run: a lane that has spun for SPIN_REPORT_MS on an
 * atomic read that keeps giving the same value, while nothing else happened
 * in the run (no output, no lane state change, no task start or end), is
 * said in the output while the run goes on:
 * `worker-2 has been spinning at line 14 for 3 s, waiting for flag[1] to change.`
 *
 * Each worker's learner `Atomics` (worker/learner-atomics.ts) beats its spin
 * board while its reads see the same cell and value, and writes a `spin`
 * record (line, cell) when such a streak begins. Here the hub reads the
 * boards on its own schedule, so a lane stuck in a busy loop is seen.
 *
 * Not the runner's silence watchdog (runner.ts), which notices a run whose
 * *hub* went quiet (a crashed frame); and not the deadlock watch: a spinning
 * lane is `running`, so it is never part of a deadlock.
 *
 * A lane is spinning only while its board still beats (within BEAT_FRESH_MS):
 * a lane that read a flag a while ago and has since been computing is not.
 * Each streak is said once; a run says at most MAX_REPORTS of them. The
 * clock is injected, so the timing is unit-tested without timers.
 */

export const SPIN_REPORT_MS = 3_000;
const BEAT_FRESH_MS = 1_000;
const CHECK_MS = 200;
const MAX_REPORTS = 8;

export interface SpinLane {
  name: string;
  /** The lane's last reported state is `running` and it has not ended. */
  running: boolean;
}

interface Board {
  cells: Int32Array;
  streak: number;
  /** Hub time the current streak was first seen. */
  since: number;
  beat: number;
  beatAt: number;
  site?: { streak: number; cell: string; line?: number | undefined };
}

export class SpinWatch {
  private readonly clock: () => number;
  private readonly boards = new Map<number, Board>();
  private readonly said = new Set<string>();
  private progressAt: number;
  private lastCheck = 0;

  constructor(clock: () => number) {
    this.clock = clock;
    this.progressAt = clock();
  }

  attach(laneId: number, sab: SharedArrayBuffer): void {
    this.boards.set(laneId, { cells: new Int32Array(sab), streak: 0, since: 0, beat: 0, beatAt: 0 });
  }

  /** Where streak `streak` of a lane spins (its `spin` record). */
  site(laneId: number, site: { streak: number; cell: string; line?: number | undefined }): void {
    const board = this.boards.get(laneId);
    if (board) board.site = site;
  }

  /** Something visible happened in the run (output, a state change, a task's phase). */
  progress(): void {
    this.progressAt = this.clock();
  }

  /** Checks the boards (every CHECK_MS); returns the lines to say now. */
  poll(lane: (id: number) => SpinLane | undefined): string[] {
    const now = this.clock();
    if (now - this.lastCheck < CHECK_MS) return [];
    this.lastCheck = now;
    const out: string[] = [];
    for (const [id, board] of this.boards) {
      const streak = Atomics.load(board.cells, SPIN_BOARD.streak);
      const beat = Atomics.load(board.cells, SPIN_BOARD.beat);
      if (streak !== board.streak) {
        board.streak = streak;
        board.since = now;
        board.beatAt = now;
      }
      if (beat !== board.beat) {
        board.beat = beat;
        board.beatAt = now;
      }
      const info = lane(id);
      if (streak === 0 || !info?.running || now - board.beatAt > BEAT_FRESH_MS) continue;
      const stuck = now - Math.max(board.since, this.progressAt);
      const key = `${id}:${streak}`;
      if (stuck < SPIN_REPORT_MS || this.said.has(key) || this.said.size >= MAX_REPORTS) continue;
      this.said.add(key);
      const site = board.site?.streak === streak ? board.site : undefined;
      const at = site?.line !== undefined ? ` at line ${site.line}` : '';
      out.push(
        `${info.name} has been spinning${at} for ${Math.floor(stuck / 1000)} s, waiting for ${site?.cell ?? 'a shared array'} to change.`,
      );
    }
    return out;
  }
}
