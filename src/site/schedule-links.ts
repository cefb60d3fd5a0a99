import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ExploreEndState, ExploreStepStory } from '../shared/protocol/explore.ts';
import { compile, runExecution } from '../runtime/explorer/execute.ts';
import { decodeSchedule } from '../runtime/explorer/schedule.ts';
import { replayChooser, ScheduleMismatch } from '../runtime/explorer/search.ts';
import type { Execution } from '../runtime/explorer/execution.ts';

/**
 * The course's schedule links (`<ScheduleLink code={…} schedule="…" shows="…">`
 * in a lesson's MDX), found by reading the MDX as text: which snippet each one
 * replays, and what it claims the replay shows. Used by the unit test that
 * replays every link, and by e2e/tools/failure-schedules.ts. Build time only.
 */

export interface ScheduleLinkUse {
  /** The MDX file, relative to the repository. */
  lesson: string;
  /** 1-based line of the `<ScheduleLink` tag. */
  line: number;
  /** The variable given as `code`, and the snippet file it was imported from. */
  codeVariable: string;
  snippet: string;
  schedule: string;
  /** A failing end state (`deadlock`, `error`, `assert`, `no-progress`) or, for a run that ends `done`, its last line. */
  shows: string;
}

export const FAILING_STATES: readonly ExploreEndState[] = ['deadlock', 'error', 'assert', 'no-progress', 'check'];

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export function lessonFiles(dir = join(root, 'content')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...lessonFiles(path));
    else if (entry.name.endsWith('.mdx')) out.push(path);
  }
  return out.sort();
}

/** Every `<ScheduleLink>` of one MDX text; `file` resolves its imports. */
export function findScheduleLinks(mdx: string, file: string): ScheduleLinkUse[] {
  const imports = new Map<string, string>();
  for (const match of mdx.matchAll(/^import\s+(\w+)\s+from\s+['"]([^'"]+)\?raw['"];?\s*$/gm)) {
    imports.set(match[1]!, resolve(dirname(file), match[2]!));
  }
  const uses: ScheduleLinkUse[] = [];
  for (const tag of mdx.matchAll(/<ScheduleLink\b/g)) {
    const attributes = new Map<string, string>();
    const attribute = /\s*(?:(\w+)=(?:"([^"]*)"|\{\s*(\w+)\s*\})|(\/?>))/y;
    attribute.lastIndex = tag.index + tag[0].length;
    for (;;) {
      const a = attribute.exec(mdx);
      if (!a) throw new Error(`${relative(root, file)}: cannot read the attributes of <ScheduleLink> at offset ${attribute.lastIndex}.`);
      if (a[4]) break;
      attributes.set(a[1]!, a[2] ?? a[3]!);
    }
    const line = mdx.slice(0, tag.index).split('\n').length;
    const where = `${relative(root, file)}:${line}`;
    const codeVariable = attributes.get('code');
    const schedule = attributes.get('schedule');
    const shows = attributes.get('shows');
    if (!codeVariable || !schedule || !shows) throw new Error(`${where}: a <ScheduleLink> needs code={…}, schedule="…" and shows="…".`);
    const snippet = imports.get(codeVariable);
    if (!snippet) throw new Error(`${where}: code={${codeVariable}} is not a ?raw import of this lesson.`);
    uses.push({ lesson: relative(root, file), line, codeVariable, snippet: relative(root, snippet), schedule, shows });
  }
  return uses;
}

export function allScheduleLinks(): ScheduleLinkUse[] {
  return lessonFiles().flatMap((file) => findScheduleLinks(readFileSync(file, 'utf8'), file));
}

export function readSnippet(use: ScheduleLinkUse): string {
  return readFileSync(join(root, use.snippet), 'utf8');
}

/** One scheduler button as Step mode shows it: `worker-1 · line 21 · Atomics.load(shared[0])`. */
export interface Button {
  lane: string;
  /** The ready event's words for an idle lane (`Step main: join worker-1: it ended`), else undefined. */
  event?: string;
  line: number;
  op: string;
}

export interface Followed {
  state: ExploreEndState;
  lastLine: string;
  reason?: string;
  /** The buttons offered before each step, and the step taken (with its result, e.g. `→ 0`). */
  steps: { buttons: Button[]; taken: ExploreStepStory }[];
  /** True when the schedule ran out before the execution ended (Next would stop short). */
  shortOfEnd: boolean;
  output: string[];
  /** The schedule asked for a lane that had no button: the step (1-based) and the buttons there were. */
  mismatch?: { step: number; buttons: Button[] };
}

/**
 * Follows a schedule step by step on `code`, recording the scheduler's buttons
 * before every step, as Step mode offers them. Throws when the schedule or
 * the code cannot be read. Past the schedule's end the lane that ran goes on (as replay
 * does), and `shortOfEnd` says so: Next would stop before the end. A
 * schedule that asks for a lane with no button ends there, in `mismatch`.
 */
export function followSchedule(code: string, schedule: string): Followed {
  const decoded = decodeSchedule(schedule);
  if (!decoded.ok) throw new Error(decoded.message);
  const compiled = compile(code);
  if (!compiled.ok) throw new Error(compiled.message);
  const follow = replayChooser(decoded.schedule.choices);
  const buttons: Button[][] = [];
  let shortOfEnd = false;
  let seen: Execution | undefined;
  const tell = (taken: readonly ExploreStepStory[], length: number) => taken.slice(0, length).map((step, i) => ({ buttons: buttons[i]!, taken: step }));
  try {
    const result = runExecution(
      compiled.compiled,
      (choices, step, exec, previous) => {
        seen = exec;
        if (step >= decoded.schedule.choices.length) shortOfEnd = true;
        buttons.push(
          choices.map((c) =>
            c.event ? { lane: c.lane.name, event: c.event.text, line: c.event.line, op: c.event.text } : { lane: c.lane.name, line: c.lane.pending!.line, op: c.lane.pending!.text },
          ),
        );
        return follow(choices, step, exec, previous);
      },
      { seed: decoded.schedule.seed, recordSteps: true, hardStepLimit: 20_000 },
    );
    return { state: result.state, lastLine: result.lastLine, reason: result.reason, steps: tell(result.steps, result.length), shortOfEnd, output: result.output };
  } catch (error) {
    if (!(error instanceof ScheduleMismatch) || !seen) throw error;
    const steps = tell(seen.steps, error.step);
    return {
      state: 'error',
      lastLine: seen.lastLine(),
      reason: error.message,
      steps,
      shortOfEnd,
      output: seen.output.map((line) => line.text),
      mismatch: { step: error.step + 1, buttons: buttons[error.step]! },
    };
  }
}

/** A button's words as the scheduler shows them. */
export function describeButton(button: Button): string {
  return button.event ? `Step ${button.lane}: ${button.event}` : `Step ${button.lane} (${button.lane} · line ${button.line} · ${button.op})`;
}
