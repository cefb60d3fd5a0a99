import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explore, replay } from './explore.ts';
import { decodeSchedule, encodeSchedule } from './schedule.ts';

const outcomes = (report: ReturnType<typeof explore>) =>
  Object.fromEntries(report.outcomes.map((o) => [`${o.state}: ${o.lastLine}`, o.count]));

// Main spawns two workers and ends; each worker does two stores. Steps: main
// spawn₁ spawn₂; worker-k start, store, store. Worker 1 exists after spawn₁.
const TWO_WRITERS = `
import { spawn } from "racecourse";
const cells = new Int32Array(new SharedArrayBuffer(8));
function writer(cells: Int32Array, k: number) { Atomics.store(cells, k, 1); Atomics.store(cells, k, 2); }
spawn(writer, cells, 0);
spawn(writer, cells, 1);
`;

/**
 * Every interleaving of the steps above, by brute force, with its
 * preemptions: a switch away from a lane that could have gone on.
 */
function referenceCounts(): number[] {
  const counts: number[] = [];
  const lanes = [['spawn', 'spawn'], ['start', 'a', 'b'], ['start', 'a', 'b']];
  const walk = (done: number[], previous: number, preemptions: number) => {
    const runnable = [0, 1, 2].filter((l) => done[l]! < lanes[l]!.length && (l === 0 || done[0]! >= l));
    if (runnable.length === 0) {
      counts[preemptions] = (counts[preemptions] ?? 0) + 1;
      return;
    }
    for (const lane of runnable) {
      const cost = lane !== previous && runnable.includes(previous) ? 1 : 0;
      const next = [...done];
      next[lane]!++;
      walk(next, lane, preemptions + cost);
    }
  };
  walk([0, 0, 0], 0, 0);
  return counts;
}

test('the bounded search runs every schedule up to the bound exactly once, as a brute-force count says', () => {
  const reference = referenceCounts();
  assert.equal(reference.reduce((a, b) => a + b, 0), 35); // C(6,3) + C(5,3) + C(4,3) + C(3,3)
  const unbounded = explore(TWO_WRITERS, { preemptions: null });
  assert.equal(unbounded.executions, 35);
  assert.equal(unbounded.complete, true);
  for (const bound of [0, 1, 2, 3]) {
    const report = explore(TWO_WRITERS, { preemptions: bound });
    const expected = reference.slice(0, bound + 1).reduce((a, b) => a + b, 0);
    assert.equal(report.executions, expected, `bound ${bound}`);
    assert.equal(report.complete, true);
  }
});

const LOST_UPDATE = `
import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 2; i++) shared[0] = shared[0] + 1; }
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
console.assert(shared[0] === 4, "an update was lost");
`;

test('lost update, 2 workers × 2 increments: every outcome, and the failure at the fewest preemptions', () => {
  const report = explore(LOST_UPDATE, { preemptions: null });
  assert.equal(report.complete, true);
  assert.deepEqual(Object.keys(outcomes(report)).sort(), ['assert: count = 2', 'assert: count = 3', 'done: count = 4']);
  const bounded = explore(LOST_UPDATE, { preemptions: 2 });
  assert.equal(bounded.failure?.preemptions, 1, 'one preemption suffices to lose an update');
  const steps = bounded.failure.steps.map((s) => `${s.lane}: ${s.op}`);
  assert.ok(steps.some((s) => /read shared\[0\] → /.test(s)) && steps.some((s) => /write shared\[0\] ← /.test(s)), steps.join('\n'));
  assert.match(bounded.failure.reason, /console\.assert failed at line 8/);
});

test('a schedule string round-trips, and replaying it gives the same execution every time', () => {
  const schedule = { seed: 7, choices: [0, 0, 1, 1, 1, 2, 0, 53, 2].map((lane, i) => ({ lane, event: i === 4 ? 2 : 0 })) };
  const text = encodeSchedule(schedule);
  assert.match(text, /^1\.s7\.[\w~{}.-]+$/);
  assert.deepEqual(decodeSchedule(text), { ok: true, schedule });
  // An event chosen several times in a row, and an event numbered 12: two different schedules.
  const repeated = { seed: 1, choices: [{ lane: 0, event: 1 }, { lane: 0, event: 1 }, { lane: 0, event: 12 }, { lane: 1, event: 0 }] };
  assert.equal(encodeSchedule(repeated), '1.s1.a~1_2a~12b');
  assert.deepEqual(decodeSchedule(encodeSchedule(repeated)), { ok: true, schedule: repeated });
  assert.equal(decodeSchedule('nonsense').ok, false);

  const failing = explore(LOST_UPDATE, { preemptions: 2 }).failure!;
  const replays = Array.from({ length: 20 }, () => replay(LOST_UPDATE, failing.schedule));
  for (const r of replays) {
    assert.deepEqual(r.failure?.steps, failing.steps);
    assert.equal(r.outcomes[0]?.lastLine, 'count = 2');
  }
  const changed = replay(LOST_UPDATE.replace('i < 2', 'i < 1'), failing.schedule);
  assert.match(changed.unsupported?.message ?? '', /does not fit this code/);
});

const peterson = (flagFirst: boolean) => `
import { spawn } from "racecourse";
// flag[0], flag[1], turn, inside
const s = new Int32Array(new SharedArrayBuffer(16));
function worker(s: Int32Array, me: number) {
  const other = 1 - me;
  ${flagFirst ? 'Atomics.store(s, me, 1); Atomics.store(s, 2, other);' : 'Atomics.store(s, 2, other); Atomics.store(s, me, 1);'}
  while (Atomics.load(s, other) === 1 && Atomics.load(s, 2) === other) {}
  const inside = Atomics.add(s, 3, 1);
  console.assert(inside === 0, "two workers in the critical section");
  Atomics.sub(s, 3, 1);
  Atomics.store(s, me, 0);
}
await Promise.all([spawn(worker, s, 0), spawn(worker, s, 1)].map((t) => t.join()));
console.log("done");
`;

test("Peterson's algorithm: correct, the search is complete with no failure; with the two stores swapped, it finds two workers inside", () => {
  const correct = explore(peterson(true), { preemptions: 2 });
  assert.equal(correct.complete, true);
  assert.equal(correct.failures, 0, JSON.stringify(correct.outcomes));
  assert.ok(correct.executions > 10);
  const broken = explore(peterson(false), { preemptions: 2 });
  assert.ok(broken.failures > 0);
  assert.match(broken.failure!.reason, /two workers in the critical section/);
});

test('a spin lock on compareExchange is mutual exclusion; a spinning lane waits instead of burning the bound', () => {
  const code = `
import { spawn } from "racecourse";
const s = new Int32Array(new SharedArrayBuffer(8));
function worker(s: Int32Array) {
  while (Atomics.compareExchange(s, 0, 0, 1) !== 0) {}
  s[1] = s[1] + 1;
  Atomics.store(s, 0, 0);
}
await Promise.all([spawn(worker, s), spawn(worker, s)].map((t) => t.join()));
console.log(\`count = \${s[1]}\`);
`;
  const report = explore(code, { preemptions: 2 });
  assert.equal(report.complete, true);
  assert.deepEqual(Object.keys(outcomes(report)), ['done: count = 2']);
});

test('lock-order deadlock: found, and the report says who waits for which lock held by whom', () => {
  const code = `
import { spawn, Mutex } from "racecourse";
const a = new Mutex("A");
const b = new Mutex("B");
function one(a: Mutex, b: Mutex) { a.lock(); b.lock(); b.unlock(); a.unlock(); }
function two(a: Mutex, b: Mutex) { b.lock(); a.lock(); a.unlock(); b.unlock(); }
await Promise.all([spawn(one, a, b), spawn(two, a, b)].map((t) => t.join()));
console.log("both done");
`;
  const report = explore(code, { preemptions: 2 });
  assert.equal(report.complete, true);
  assert.ok(report.outcomes.some((o) => o.state === 'done'));
  assert.equal(report.failure?.state, 'deadlock');
  assert.equal(report.failure?.preemptions, 1);
  assert.match(report.failure.reason, /worker-\d waits at line \d+ for mutex [AB], held by worker-\d/);
});

test('check-then-act across await on one worker: the explorer orders the timers and finds the oversell', () => {
  const code = `
import { sleep } from "racecourse";
let seats = 1;
async function buy(who: string, ms: number) {
  if (seats > 0) { await sleep(ms); seats -= 1; console.log(\`\${who} got a seat\`); }
}
await Promise.all([buy("ann", 2), buy("bob", 1)]);
console.log(\`seats left: \${seats}\`);
console.assert(seats >= 0, "oversold");
`;
  const report = explore(code);
  assert.equal(report.complete, true);
  assert.equal(report.failures, report.executions);
  assert.equal(report.outcomes[0]?.lastLine, 'seats left: -1');
});

test('a loop that never reaches a visible operation is no progress, with its lane and line', () => {
  const code = `
import { spawn } from "racecourse";
function spin() { let x = 0; while (true) { x++; } }
await spawn(spin).join();
`;
  const report = explore(code, { preemptions: 0 });
  assert.equal(report.failure?.state, 'no-progress');
  assert.match(report.failure.reason, /worker-1 ran the loop at line 3/);
});

test('code the explorer cannot control gets a plain message naming its line', () => {
  const fetching = explore('const r = await fetch("/x");\nconsole.log(r.status);', {});
  assert.equal(fetching.unsupported?.line, 1);
  assert.match(fetching.unsupported.message, /fetch/);
  const raw = explore('console.log(1);\nconst w = new Worker("x.js");', {});
  assert.equal(raw.unsupported?.line, 2);
  assert.match(raw.unsupported.message, /spawn/);
  const syntax = explore('const x = ;', {});
  assert.match(syntax.unsupported!.message, /Syntax error/);
  assert.equal(syntax.complete, false);
});

test('a budget too small for the space is reported incomplete, and says why', () => {
  const report = explore(LOST_UPDATE, { preemptions: null, maxExecutions: 50 });
  assert.equal(report.complete, false);
  assert.equal(report.mode, 'random');
  assert.match(report.incompleteReason ?? '', /budget/);
  assert.ok(report.executions <= 50);
});

test('helpers, classes, Array callbacks, async functions and for await over a Channel all run under the explorer', () => {
  const code = `
import { spawn, Channel, Mutex } from "racecourse";
class Counter {
  cells: Int32Array;
  constructor() { this.cells = new Int32Array(new SharedArrayBuffer(4)); }
  bump(lock: Mutex) { lock.withLock(() => { this.cells[0] += 1; }); }
}
const counter = new Counter();
const lock = new Mutex();
const jobs = new Channel<number>(1);
async function producer(jobs: Channel<number>) { for (const n of [1, 2, 3]) await jobs.send(n); jobs.close(); }
const task = spawn(producer, jobs);
let sum = 0;
for await (const n of jobs) { sum += n; [1, 2].forEach(() => counter.bump(lock)); }
await task.join();
console.log(\`sum \${sum}, bumps \${counter.cells[0]}\`);
`;
  const report = explore(code, { preemptions: 1 });
  assert.equal(report.unsupported, undefined);
  assert.equal(report.complete, true);
  assert.deepEqual(Object.keys(outcomes(report)), ['done: sum 6, bumps 6']);
});

test('the explorer worker locks its scope: no storage, network or workers, even by a computed name', async () => {
  const { lockDown } = await import('./lockdown.ts');
  const scope = Object.create({ fetch: () => 'network', caches: { open: () => 'cache' } }) as Record<string, unknown>;
  scope.indexedDB = { open: () => 'db' };
  scope.navigator = { storage: {}, hardwareConcurrency: 64 };
  lockDown(scope as unknown as typeof globalThis);
  for (const name of ['fetch', 'caches', 'indexedDB', 'Worker', 'importScripts']) assert.equal(scope[['', name].join('')], undefined, name);
  assert.equal((scope.navigator as { storage?: unknown }).storage, undefined);
  assert.equal((scope.navigator as { hardwareConcurrency: number }).hardwareConcurrency, 2);
});
