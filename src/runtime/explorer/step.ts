import type { SharedArrayView, StepChoiceView, StepLaneView, StepRequest, StepView } from '../../shared/protocol/explore.ts';
import type { Choice, Execution, Inspected } from './execution.ts';
import { Abort, choiceIndex } from './execution.ts';
import { compile, runExecution, type Chooser, type Compiled } from './execute.ts';
import { show } from './runtime.ts';
import { decodeSchedule, encodeSchedule, type ScheduleChoice } from './schedule.ts';
import { DEFAULTS } from './explore.ts';
import { replayChooser, ScheduleMismatch } from './search.ts';

/**
 * Step mode (design/explorer.md §3): the view of an execution after a given
 * number of choices. Nothing is kept between requests but the compiled code:
 * each request replays its choices from the start (an execution is
 * deterministic given its choices and seed), stops where the learner stands,
 * and describes that moment: who can move and what each would do, who waits
 * for what, the shared memory and sync objects, the output and the steps so
 * far. Replaying a few hundred steps takes well under a millisecond, so Back
 * costs what a step costs.
 */

export type StepResult = { ok: true; view: StepView } | { ok: false; message: string; line?: number; mismatch?: boolean };

/** Cells of a shared array that the view shows (the rest are counted). */
const SHOWN_CELLS = 64;

/** The learner stands here: the execution is paused with these choices open. */
class Paused extends Error {
  readonly choices: Choice[];
  readonly exec: Execution;
  constructor(choices: Choice[], exec: Execution) {
    super('paused');
    this.choices = choices;
    this.exec = exec;
  }
}

let cache: { code: string; compiled: Compiled } | undefined;

function compiledFor(code: string): { ok: true; compiled: Compiled } | { ok: false; message: string; line?: number } {
  if (cache?.code === code) return { ok: true, compiled: cache.compiled };
  const result = compile(code);
  if (result.ok) cache = { code, compiled: result.compiled };
  return result;
}

export function stepView(code: string, request: Pick<StepRequest, 'schedule' | 'steps' | 'then' | 'random'>): StepResult {
  const decoded = request.schedule === null ? { ok: true as const, schedule: { seed: DEFAULTS.seed, choices: [] } } : decodeSchedule(request.schedule);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const { seed, choices: loaded } = decoded.schedule;
  const steps = Math.max(0, Math.floor(request.steps));
  if (steps > loaded.length) return { ok: false, message: `The schedule has ${loaded.length} steps, not ${steps}.`, mismatch: true };
  const compiled = compiledFor(code);
  if (!compiled.ok) return { ok: false, message: compiled.message, line: compiled.line };

  const prefix = loaded.slice(0, steps);
  if (request.then) prefix.push({ lane: request.then.lane, event: request.then.event });
  // The schedule Next follows: the loaded one while the learner's moves agree with it.
  let follow: ScheduleChoice[] = loaded;
  if (request.then && !sameChoice(request.then, loaded[steps])) follow = prefix;

  let before: string[][] = [];
  const replaying = replayChooser(prefix);
  const chooser: Chooser = (available, step, exec, previous) => {
    // The arrays as they were before the last step taken: its changed cells get marked.
    if (step === prefix.length - 1 || (request.random && step >= prefix.length - 1)) before = exec.inspected!.views.map(({ view }) => cells(view));
    if (step < prefix.length) return replaying(available, step, exec, previous);
    // Random to end: any random choices will do, since the schedule they make is reported.
    if (request.random) return Math.floor(Math.random() * available.length);
    throw new Paused(available, exec);
  };

  try {
    const result = runExecution(compiled.compiled, chooser, { seed, recordSteps: true, hardStepLimit: DEFAULTS.stepLimit * 4, inspect: true });
    if (result.length < prefix.length) throw new ScheduleMismatch(result.length);
    if (request.random) follow = result.choices;
    return { ok: true, view: describe(result.execution, [], seed, result.choices, follow, before, { state: result.state, reason: result.reason, lastLine: result.lastLine }) };
  } catch (error) {
    if (error instanceof Paused) return { ok: true, view: describe(error.exec, error.choices, seed, prefix, follow, before) };
    if (error instanceof ScheduleMismatch) {
      if (request.then && error.step === steps) return { ok: false, message: 'That worker cannot move now: choose one of the Step buttons shown.' };
      return { ok: false, mismatch: true, message: `This schedule no longer fits the code: at step ${error.step + 1} the worker it names cannot move. The code has changed since the schedule was made; start fresh.` };
    }
    if (error instanceof Abort) return { ok: false, message: error.message, line: error.line };
    throw error;
  }
}

function sameChoice(a: { lane: number; event: number }, b: ScheduleChoice | undefined): boolean {
  return !!b && a.lane === b.lane && a.event === b.event;
}

function describe(exec: Execution, open: Choice[], seed: number, taken: ScheduleChoice[], follow: ScheduleChoice[], before: string[][], ended?: StepView['ended']): StepView {
  const step = taken.length;
  const choices = open.map((choice) => choiceView(choice, open));
  const want = step < follow.length ? follow[step] : undefined;
  const next = want ? choices.findIndex((c) => c.laneIndex === want.lane && c.event === want.event) : -1;
  return {
    schedule: encodeSchedule({ seed, choices: taken }),
    step,
    scheduleLength: follow.length,
    next: next >= 0 ? next : undefined,
    choices,
    lanes: exec.lanes.map((lane) => laneView(lane, open)),
    arrays: arraysOf(exec.inspected!, before),
    syncs: exec.inspected!.syncs.map((sync) => sync.describe()),
    output: exec.output.map((line) => ({ lane: line.lane, stream: line.stream, text: line.text, step: line.step })),
    steps: exec.steps.map((s, i) => ({ ...s, step: i + 1 })),
    races: [...exec.races.found.values()],
    ended,
  };
}

function choiceView(choice: Choice, open: Choice[]): StepChoiceView {
  const lane = choice.lane;
  return {
    lane: lane.name,
    laneIndex: lane.index,
    event: choiceIndex(open, choice),
    line: choice.event ? choice.event.line : lane.pending!.line,
    op: choice.event ? choice.event.text : lane.pending!.text,
    isEvent: choice.event !== null,
  };
}

function laneView(lane: Execution['lanes'][number], open: Choice[]): StepLaneView {
  const base = { lane: lane.name, laneIndex: lane.index };
  if (lane.pending) {
    if (open.some((c) => c.lane === lane)) return { ...base, line: lane.pending.line, state: 'runnable' };
    return { ...base, line: lane.pending.line, state: 'blocked', waitsFor: lane.pending.waitsFor?.() ?? lane.pending.text };
  }
  const ready = open.filter((c) => c.lane === lane);
  if (ready.length) return { ...base, line: ready[0]!.event!.line, state: 'idle' };
  const waiting = lane.events.find((e) => !e.gone && !e.idleWait && e.deadline === undefined);
  if (waiting) return { ...base, line: waiting.line, state: 'blocked', waitsFor: waiting.waitsFor() };
  return { ...base, line: lane.line, state: 'finished' };
}

function cells(view: ArrayLike<unknown>): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(view.length, SHOWN_CELLS); i++) out.push(show(view[i]));
  return out;
}

function arraysOf(inspected: Inspected, before: string[][]): SharedArrayView[] {
  return inspected.views.map(({ view, name }, k) => {
    const values = cells(view);
    const was = before[k];
    const changed = was ? values.flatMap((value, i) => (was[i] !== undefined && was[i] !== value ? [i] : [])) : [];
    return { name, type: view.constructor.name, values, changed, length: view.length };
  });
}
