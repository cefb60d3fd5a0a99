/**
 * Failure schedules for the course's "Be the scheduler" passages.
 *
 *   node e2e/tools/failure-schedules.ts                 every <ScheduleLink> of the course
 *   node e2e/tools/failure-schedules.ts <snippet.ts>    one snippet: its outcomes
 *   node e2e/tools/failure-schedules.ts <snippet.ts> <schedule> [prefix-steps]
 *                                                       that schedule, step by step; with
 *                                                       prefix-steps, also every ending
 *                                                       reachable after its first n steps
 *
 * For a snippet it runs the real explorer engine (bound 2) and prints every
 * distinct outcome with the shortest schedule that produces it. For a
 * schedule it prints, before every step, the scheduler buttons Step mode
 * offers (lane · line · operation) and the step taken with its result, so
 * that a passage's instructions can be checked against what the buttons
 * will show.
 */
import { readFileSync } from 'node:fs';
import { compile, runExecution } from '../../src/runtime/explorer/execute.ts';
import { encodeSchedule, decodeSchedule } from '../../src/runtime/explorer/schedule.ts';
import { search } from '../../src/runtime/explorer/search.ts';
import { allScheduleLinks, describeButton, followSchedule, readSnippet } from '../../src/site/schedule-links.ts';

interface Found {
  state: string;
  lastLine: string;
  count: number;
  shortest: string;
  length: number;
  preemptions: number;
}

/** Every outcome within the bound, each with its shortest schedule (fewest preemptions among equals). */
function outcomes(code: string, bound = 2): Found[] {
  const compiled = compile(code);
  if (!compiled.ok) throw new Error(compiled.message);
  const found = new Map<string, Found>();
  search(compiled.compiled, {
    bound,
    maxExecutions: 50_000,
    maxMs: 60_000,
    stepLimit: 5_000,
    seed: 1,
    stopAtFirstFailure: false,
    onExecution(result, preemptions) {
      const key = `${result.state}\u0000${result.lastLine}`;
      const schedule = encodeSchedule({ seed: 1, choices: result.choices });
      const known = found.get(key);
      if (!known) {
        found.set(key, { state: result.state, lastLine: result.lastLine, count: 1, shortest: schedule, length: result.length, preemptions });
        return;
      }
      known.count++;
      if (result.length < known.length || (result.length === known.length && preemptions < known.preemptions)) {
        Object.assign(known, { shortest: schedule, length: result.length, preemptions });
      }
    },
  });
  return [...found.values()];
}

function printOutcomes(code: string): void {
  for (const o of outcomes(code)) {
    console.log(`  ${o.state.padEnd(8)} ${JSON.stringify(o.lastLine)}: ${o.count} schedules; shortest ${o.length} steps, ${o.preemptions} preemptions: ${o.shortest}`);
  }
}

function printSteps(code: string, schedule: string): void {
  const followed = followSchedule(code, schedule);
  followed.steps.forEach(({ buttons, taken }, i) => {
    console.log(`  ${String(i + 1).padStart(3)}. ${taken.lane} · line ${taken.line} · ${taken.op}`);
    console.log(`       offered: ${buttons.map(describeButton).join(' | ')}`);
  });
  if (followed.mismatch) {
    console.log(`  step ${followed.mismatch.step} does not fit; the buttons there: ${followed.mismatch.buttons.map(describeButton).join(' | ') || 'none'}`);
    return;
  }
  console.log(`  ends ${followed.state}, last line ${JSON.stringify(followed.lastLine)}${followed.shortOfEnd ? ' (the schedule ran out first)' : ''}`);
  if (followed.reason) console.log(`  ${followed.reason}`);
  for (const line of followed.output) console.log(`  | ${line}`);
}

/** Every ending reachable after the first `n` choices of `schedule` (what Random to end can give). */
function endingsAfter(code: string, schedule: string, n: number): Map<string, number> {
  const decoded = decodeSchedule(schedule);
  const compiled = compile(code);
  if (!decoded.ok || !compiled.ok) throw new Error('cannot read the schedule or the code');
  const prefix = decoded.schedule.choices.slice(0, n);
  const endings = new Map<string, number>();
  const pending: number[][] = [[]];
  let executions = 0;
  while (pending.length && executions < 100_000) {
    const path = pending.pop()!;
    const result = runExecution(
      compiled.compiled,
      (choices, step) => {
        if (step < prefix.length) {
          const want = prefix[step]!;
          return choices.indexOf(choices.filter((c) => c.lane.index === want.lane)[want.event]!);
        }
        const at = step - prefix.length;
        if (at < path.length) return path[at]!;
        for (let j = 1; j < choices.length; j++) pending.push([...path, j]);
        path.push(0);
        return 0;
      },
      { seed: decoded.schedule.seed, recordSteps: false, hardStepLimit: 20_000 },
    );
    executions++;
    const key = `${result.state}: ${result.lastLine}`;
    endings.set(key, (endings.get(key) ?? 0) + 1);
  }
  if (pending.length) console.log(`  (stopped after ${executions} executions)`);
  return endings;
}

const [file, schedule, prefixSteps] = process.argv.slice(2);
if (file) {
  const code = readFileSync(file, 'utf8');
  if (!schedule) printOutcomes(code);
  else {
    printSteps(code, schedule);
    if (prefixSteps) {
      console.log(`  every ending after the first ${prefixSteps} steps:`);
      for (const [ending, count] of endingsAfter(code, schedule, Number(prefixSteps))) console.log(`    ${ending} (${count} schedules)`);
    }
  }
} else {
  for (const use of allScheduleLinks()) {
    const code = readSnippet(use);
    console.log(`\n${use.lesson}:${use.line} — ${use.snippet}`);
    console.log('outcomes (bound 2):');
    printOutcomes(code);
    console.log(`the link's schedule ${use.schedule} (shows "${use.shows}"):`);
    printSteps(code, use.schedule);
  }
}
