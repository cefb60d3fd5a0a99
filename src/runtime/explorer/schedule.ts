/**
 * Schedules as short, URL-safe strings (design/explorer.md §4).
 *
 *     1.s7.a3b2a~1c~1_3
 *
 * `1` is the format's version, `s7` the seed, then one token per run of equal
 * choices: a lane's letter (a = main, b = worker-1 …, then A–Z, then `{52}`),
 * `~k` when the lane is idle and the choice is its k-th ready event, and a
 * count when the choice repeats (after `~k`, as `_count`). Replaying the string on the same code
 * reproduces the execution, because an execution is deterministic given its
 * choices and its seed.
 */

export interface ScheduleChoice {
  lane: number;
  /** 0: the lane's next operation, or its first ready event; k: its k-th ready event. */
  event: number;
}

export interface Schedule {
  seed: number;
  choices: ScheduleChoice[];
}

const VERSION = '1';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function laneToken(lane: number): string {
  return lane < LETTERS.length ? LETTERS[lane]! : `{${lane}}`;
}

export function encodeSchedule(schedule: Schedule): string {
  let body = '';
  const { choices } = schedule;
  for (let i = 0; i < choices.length; ) {
    const choice = choices[i]!;
    let run = 1;
    while (i + run < choices.length && choices[i + run]!.lane === choice.lane && choices[i + run]!.event === choice.event) run++;
    const count = run > 1 ? String(run) : '';
    // After an event's number, a count needs a separator: `a~12` is event 12, `a~1_2` is event 1 twice.
    body += laneToken(choice.lane) + (choice.event ? `~${choice.event}${count && `_${count}`}` : count);
    i += run;
  }
  return `${VERSION}.s${schedule.seed}.${body}`;
}

export type Decoded = { ok: true; schedule: Schedule } | { ok: false; message: string };

export function decodeSchedule(text: string): Decoded {
  const match = /^(\d+)\.s(\d+)\.(.*)$/.exec(text.trim());
  if (!match) return { ok: false, message: 'This is not a schedule: it should look like 1.s1.a3b2.' };
  if (match[1] !== VERSION) return { ok: false, message: `This schedule was written by another version of the explorer (${match[1]}).` };
  const choices: ScheduleChoice[] = [];
  const body = match[3]!;
  const token = /([a-zA-Z]|\{(\d+)\})(?:~(\d+)(?:_(\d+))?|(\d*))/y;
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const t = token.exec(body);
    if (!t || t[0].length === 0) return { ok: false, message: `The schedule cannot be read from “${body.slice(at, at + 8)}” on.` };
    const lane = t[2] !== undefined ? Number(t[2]) : LETTERS.indexOf(t[1]!);
    const event = t[3] ? Number(t[3]) : 0;
    const count = t[4] ? Number(t[4]) : t[5] ? Number(t[5]) : 1;
    for (let k = 0; k < count; k++) choices.push({ lane, event });
    at = token.lastIndex;
  }
  return { ok: true, schedule: { seed: Number(match[2]), choices } };
}
