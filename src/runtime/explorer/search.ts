import type { Choice, Execution, Lane } from './execution.ts';
import { runExecution, type Chooser, type Compiled, type ExecutionOptions, type ExecutionResult } from './execute.ts';

/**
 * The search over schedules (design/explorer.md §2).
 *
 * Iterative context bounding, as in CHESS: bound 0, then 1, then 2 … A
 * schedule's cost is its preemptions: switching away from a lane that could
 * have gone on, or letting a timer fire while some lane could act. Each
 * execution follows its prefix, then goes on with the cheapest choice
 * (continue the current lane), and every other choice on the way becomes a
 * new prefix: into this bound's stack if it fits, into the next bound's queue
 * if it costs one more. So each schedule within the bound runs exactly once,
 * and a failure is first found with as few preemptions as it needs. Plain
 * bounded depth-first search, no state caching and no reduction, so nothing
 * is pruned that could differ.
 *
 * Past `stepLimit` steps an execution stops branching and goes round-robin,
 * at no cost (CHESS's fair scheduler); past `hardStepLimit` it ends as no
 * progress. When the budget runs out, a randomised scheduler (PCT, depth 3)
 * uses what is left, and the result says it is not exhaustive.
 */

export interface SearchConfig {
  bound: number | null;
  maxExecutions: number;
  maxMs: number;
  stepLimit: number;
  seed: number;
  stopAtFirstFailure: boolean;
  check?: ExecutionOptions['check'];
  /** Called after every execution. */
  onExecution(result: ExecutionResult, preemptions: number, mode: 'bounded' | 'random', bound: number | null): void;
}

export interface SearchSummary {
  complete: boolean;
  incompleteReason?: string;
  mode: 'bounded' | 'random';
  /** The bound reached (the last one searched). */
  bound: number | null;
  executions: number;
}

interface PathNode {
  parent: PathNode | null;
  index: number;
}

interface Item {
  path: PathNode | null;
  length: number;
  preemptions: number;
}

function isRunnable(exec: Execution, lane: Lane): boolean {
  return lane.pending !== null && lane.pending.enabled() && !exec.isExpiry({ lane, event: null });
}

/**
 * What choosing `choice` costs in preemptions, after `previous` moved. An
 * expiry (a timer, a sleepSync or a wait's timeout ending) costs one while
 * some lane could act instead, its own lane's included: time passing is a
 * choice the scheduler pays for, or every sleep would be a free branch. When
 * only expiries are left, the previous lane's own is free.
 */
export function preemptionCost(exec: Execution, choices: Choice[], choice: Choice, previous: Lane | null): number {
  if (!previous) return 0;
  if (exec.isExpiry(choice)) {
    if (choices.some((c) => !exec.isExpiry(c))) return 1;
    return choice.lane === previous || !choices.some((c) => c.lane === previous) ? 0 : 1;
  }
  if (choice.lane === previous && choice.event === null) return 0;
  if (isRunnable(exec, previous)) return 1;
  return 0;
}

/** The choice that costs nothing: the current lane goes on, else the first free choice. */
function cheapest(exec: Execution, choices: Choice[], previous: Lane | null): number {
  for (let i = 0; i < choices.length; i++) if (choices[i]!.lane === previous && choices[i]!.event === null) return i;
  for (let i = 0; i < choices.length; i++) if (preemptionCost(exec, choices, choices[i]!, previous) === 0) return i;
  return 0;
}

/** Past the step limit: the next lane after `previous` in lane order, at no cost. */
function roundRobin(choices: Choice[], previous: Lane | null): number {
  const after = choices.findIndex((c) => previous && c.lane.index > previous.index);
  return after >= 0 ? after : 0;
}

function toArray(path: PathNode | null, length: number): Int32Array {
  const out = new Int32Array(length);
  for (let node = path, i = length - 1; node; node = node.parent, i--) out[i] = node.index;
  return out;
}

export function search(compiled: Compiled, config: SearchConfig): SearchSummary {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  // The bounded search may use most of the budget; what is left goes to the randomised one.
  const boundedExecutions = Math.floor(config.maxExecutions * 0.8);
  const boundedMs = config.maxMs * 0.8;
  const options = { seed: config.seed, recordSteps: false, hardStepLimit: config.stepLimit * 4, check: config.check };
  let executions = 0;
  let failed = false;
  const bounds = config.bound === null ? [null] : Array.from({ length: config.bound + 1 }, (_, k) => k);
  let pending: Item[] = [{ path: null, length: 0, preemptions: 0 }];
  let reached: number | null = bounds[0]!;

  for (const bound of bounds) {
    reached = bound;
    const stack = pending;
    const next: Item[] = [];
    while (stack.length) {
      if (config.stopAtFirstFailure && failed) return { complete: false, incompleteReason: 'Stopped at the first failure.', mode: 'bounded', bound, executions };
      if (executions >= boundedExecutions || elapsed() >= boundedMs) {
        return randomPhase(compiled, config, options, executions, elapsed, bound);
      }
      const item = stack.pop()!;
      const prefix = toArray(item.path, item.length);
      let path = item.path;
      let preemptions = 0;
      const choose: Chooser = (choices, step, exec, previous) => {
        let index: number;
        if (step < prefix.length) {
          index = prefix[step]!;
        } else if (step >= config.stepLimit) {
          index = roundRobin(choices, previous);
        } else {
          index = cheapest(exec, choices, previous);
          for (let j = 0; j < choices.length; j++) {
            if (j === index) continue;
            const cost = preemptions + preemptionCost(exec, choices, choices[j]!, previous);
            const child = { path: { parent: path, index: j }, length: step + 1, preemptions: cost };
            if (bound === null || cost <= bound) stack.push(child);
            else if (cost === bound + 1) next.push(child);
          }
        }
        if (step < config.stepLimit) preemptions += preemptionCost(exec, choices, choices[index]!, previous);
        path = { parent: path, index };
        return index;
      };
      const result = runExecution(compiled, choose, options);
      executions++;
      if (result.state !== 'done') failed = true;
      config.onExecution(result, preemptions, 'bounded', bound);
    }
    pending = next;
    if (pending.length === 0) break;
  }
  return { complete: true, mode: 'bounded', bound: config.bound === null ? null : reached, executions };
}

/** PCT (Burckhardt et al., ASPLOS 2010) with depth 3: random lane priorities and two change points. */
function randomPhase(
  compiled: Compiled,
  config: SearchConfig,
  options: ExecutionOptions,
  executions: number,
  elapsed: () => number,
  bound: number | null,
): SearchSummary {
  const depth = 3;
  let state = (config.seed * 2654435761) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  let longest = 50;
  let failed = false;
  while (executions < config.maxExecutions && elapsed() < config.maxMs && !(config.stopAtFirstFailure && failed)) {
    const priorities = new Map<Lane, number>();
    const changes = Array.from({ length: depth - 1 }, () => Math.floor(random() * longest));
    const choose: Chooser = (choices, step, _exec, previous) => {
      if (step >= config.stepLimit) return roundRobin(choices, previous);
      for (const c of choices) if (!priorities.has(c.lane)) priorities.set(c.lane, depth + random() * 1000);
      let best = 0;
      for (let i = 1; i < choices.length; i++) if (priorities.get(choices[i]!.lane)! > priorities.get(choices[best]!.lane)!) best = i;
      const lane = choices[best]!.lane;
      const own = choices.map((c, i) => [c, i] as const).filter(([c]) => c.lane === lane);
      const index = own[Math.floor(random() * own.length)]![1];
      const change = changes.indexOf(step);
      if (change >= 0) priorities.set(lane, change);
      return index;
    };
    const result = runExecution(compiled, choose, options);
    longest = Math.max(longest, result.length);
    executions++;
    if (result.state !== 'done') failed = true;
    config.onExecution(result, -1, 'random', bound);
  }
  const why = `The bounded search needed more than its budget (${config.maxExecutions.toLocaleString('en')} executions or ${config.maxMs / 1000} s) at bound ${bound}; the rest of the budget went to random schedules (PCT, depth 3), which can miss a failure.`;
  return { complete: false, incompleteReason: why, mode: 'random', bound, executions };
}

/** A schedule that no longer fits the code: the step where its choice is not there. */
export class ScheduleMismatch extends Error {
  readonly step: number;
  constructor(step: number) {
    super(`The schedule does not fit this code from step ${step + 1} on.`);
    this.step = step;
  }
}

/** Follows recorded choices; past their end, the lane that ran goes on (the cheapest choice). */
export function replayChooser(choices: readonly { lane: number; event: number }[]): Chooser {
  return (available, step, exec, previous) => {
    const want = choices[step];
    if (!want) return cheapest(exec, available, previous);
    const match = available.filter((c) => c.lane.index === want.lane)[want.event];
    if (!match) throw new ScheduleMismatch(step);
    return available.indexOf(match);
  };
}

export type { ExecutionResult };
