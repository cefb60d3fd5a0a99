import type { ExploreEndState, ExploreOutputCheck, ExploreStepStory } from '../../shared/protocol/explore.ts';
import { checkOutput } from '../../shared/exercise.ts';
import type { PotentialDeadlock } from '../../shared/lock-order.ts';
import { Abort, choiceIndex, Execution, type Choice, type Gen, type Lane } from './execution.ts';
import { instrument, type Instrumented } from './instrument.ts';
import { makeRacecourse } from './models.ts';
import { makePromiseClass } from './promise.ts';
import { makeRuntime, type Session } from './runtime.ts';
import type { ScheduleChoice } from './schedule.ts';

/**
 * Compiling a snippet once per exploration, and running one execution of it
 * under a scheduler's choices: the unit the search repeats.
 */

type Factory = (env: unknown) => { main: () => Gen; fresh: (id: number) => unknown };

export interface Compiled {
  /** Runs one execution under `choose`; the runtime and the racecourse models are made once per compile. */
  run(choose: Chooser, options: ExecutionOptions): ExecutionResult;
}

export type CompileResult = { ok: true; compiled: Compiled } | { ok: false; message: string; line?: number };

export function compile(code: string): CompileResult {
  const result = instrument(code);
  if (!result.ok) return result;
  let factory: Factory;
  try {
    factory = toFactory(result.value);
  } catch (error) {
    // The snippet parsed, so this is the explorer's own mistake: say so rather than blame the code.
    return { ok: false, message: `The explorer could not prepare this code (a bug in the explorer, not in your code): ${error instanceof Error ? error.message : String(error)}.` };
  }
  const session = makeSession(factory);
  return { ok: true, compiled: { run: (choose, options) => session.run(choose, options) } };
}

function toFactory(instrumented: Instrumented): Factory {
  // The snippet's own code, instrumented: 'unsafe-eval' is in the site's policy for running learner code.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the instrumented snippet is the point
  return new Function('__env', instrumented.body) as Factory;
}

function makeSession(factory: Factory) {
  const session = {} as Session & { exec: Execution };
  const Promise = makePromiseClass({
    currentQueue: () => session.exec.current.microtasks,
    call: (fn, args) => rc.call(fn, undefined, args, session.exec.current.line, 'callback'),
    foreignPromise: () => {
      const line = session.exec.current.line;
      throw new Abort('unsupported', `Line ${line}: this code waits for a promise made by a browser API, whose timing the explorer cannot control.`, line);
    },
  });
  Object.assign(session, { Promise });
  const { rc, globals, reset } = makeRuntime(session);
  let instance: ReturnType<Factory>;
  const racecourse = makeRacecourse(session, rc, { fresh: (id) => instance.fresh(id) });
  return {
    run(choose: Chooser, options: ExecutionOptions): ExecutionResult {
      const exec: Execution = new Execution(options.recordSteps, Promise, (fn, args) => rc.call(fn, undefined, args, exec.current.line, 'callback'));
      session.exec = exec;
      if (options.inspect) exec.inspected = { views: [], syncs: [] };
      reset(options.seed);
      racecourse.reset();
      instance = factory({ rc, globals, racecourse: racecourse.exports });
      exec.startMain(instance.main(), rc.driveAsync);
      return finish(exec, choose, options);
    },
  };
}

/** Picks the index of the next choice; `step` counts from 0. */
export type Chooser = (choices: Choice[], step: number, exec: Execution, previous: Lane | null) => number;

export interface ExecutionOptions {
  seed: number;
  recordSteps: boolean;
  /** Steps after which the execution ends as "no progress". */
  hardStepLimit: number;
  check?: ExploreOutputCheck;
  /** Step mode: keep the shared views and sync objects for the shared-state view. */
  inspect?: boolean;
}

export interface ExecutionResult {
  state: ExploreEndState;
  reason?: string;
  lastLine: string;
  choices: ScheduleChoice[];
  steps: ExploreStepStory[];
  output: string[];
  uncontrolled: number[];
  length: number;
  /** The execution itself, as it ended (Step mode describes it; its data races are in `execution.races`). */
  execution: Execution;
  /** Its lock-order cycles (src/shared/lock-order.ts). */
  deadlocks: PotentialDeadlock[];
}

/** Runs one execution of `compiled` under `choose`. */
export function runExecution(compiled: Compiled, choose: Chooser, options: ExecutionOptions): ExecutionResult {
  return compiled.run(choose, options);
}

function finish(exec: Execution, choose: Chooser, options: ExecutionOptions): ExecutionResult {
  const taken: ScheduleChoice[] = [];
  let previous: Lane | null = exec.lanes[0] ?? null;
  for (let step = 0; !exec.ended; step++) {
    const choices = exec.choices();
    if (choices.length === 0) break;
    if (step >= options.hardStepLimit) {
      const moving = [...new Set(choices.map((c) => c.lane))].map((lane) => `${lane.name} at line ${lane.pending?.line ?? lane.line}`);
      exec.end({
        state: 'no-progress',
        reason:
          `No progress after ${step} steps: still moving ${moving.join(', ')}. ` +
          'Either these workers never finish, or their loops are too long to explore: explore a smaller version, e.g. `const TIMES = exploring ? 2 : 200_000;`.',
      });
      break;
    }
    const index = choose(choices, step, exec, previous);
    const choice = choices[index]!;
    taken.push({ lane: choice.lane.index, event: choiceIndex(choices, choice) });
    exec.step(choice);
    previous = choice.lane;
  }
  const end = exec.settle();
  let state = end.state;
  let reason = end.reason;
  if (state === 'done' && exec.failure) ({ state, reason } = exec.failure);
  if (state === 'done' && options.check) {
    const lines = exec.output.map((line) => ({ stream: line.stream, text: line.text }));
    if (exec.lastResult && lines.at(-1)?.text.trim() !== exec.lastResult) lines.push({ stream: 'log', text: exec.lastResult });
    const reasons = checkOutput(options.check, { lines });
    if (reasons.length) {
      state = 'check';
      reason = reasons.join(' ');
    }
  }
  return {
    state,
    reason,
    lastLine: end.lastLine,
    choices: taken,
    steps: exec.steps,
    output: exec.output.map((line) => (line.stream === 'log' || line.stream === 'info' ? line.text : `[${line.stream}] ${line.text}`)),
    uncontrolled: [...exec.uncontrolled],
    length: taken.length,
    execution: exec,
    deadlocks: exec.potentialDeadlocks(),
  };
}

export { Abort };
