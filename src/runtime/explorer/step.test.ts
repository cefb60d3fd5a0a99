import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StepView } from '../../shared/protocol/explore.ts';
import { stepView } from './step.ts';

const LOST_UPDATE = `import { spawn } from 'racecourse';
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(view: Int32Array) {
  view[0]++;
}
const a = spawn(add, shared);
const b = spawn(add, shared);
await a.join();
await b.join();
console.log(\`count = \${shared[0]}\`);
`;

const DEADLOCK = `import { spawn, Mutex } from 'racecourse';
const a = new Mutex({ name: 'A' });
const b = new Mutex({ name: 'B' });
function first(a: Mutex, b: Mutex) { a.lock(); b.lock(); b.unlock(); a.unlock(); }
function second(a: Mutex, b: Mutex) { b.lock(); a.lock(); a.unlock(); b.unlock(); }
const one = spawn(first, a, b);
const two = spawn(second, a, b);
await one.join();
await two.join();
`;

/** The learner at the keyboard: each move is one request that names a lane, as a button click does. */
class Learner {
  schedule: string | null = null;
  steps = 0;
  view!: StepView;
  readonly code: string;
  constructor(code: string) {
    this.code = code;
    this.view = ok(stepView(code, { schedule: null, steps: 0 }));
  }
  step(lane: string): StepView {
    const choice = this.view.choices.find((c) => c.lane === lane);
    assert.ok(choice, `${lane} can move (choices: ${this.view.choices.map((c) => c.lane).join(', ')})`);
    this.view = ok(stepView(this.code, { schedule: this.schedule, steps: this.steps, then: { lane: choice.laneIndex, event: choice.event } }));
    this.schedule = this.view.schedule;
    this.steps = this.view.step;
    return this.view;
  }
  lastStep(): string {
    const last = this.view.steps.at(-1)!;
    return `${last.lane}: ${last.op}`;
  }
}

function ok(result: ReturnType<typeof stepView>): StepView {
  if (!result.ok) assert.fail(result.message);
  return result.view;
}

test('stepping the lost update by hand: each read and write is its own step, and the shared cell shows the stale write', () => {
  const learner = new Learner(LOST_UPDATE);
  assert.deepEqual(learner.view.arrays.map((a) => [a.name, a.values]), [['shared', ['0']]], 'the array is there, by name, before anyone touches it');
  assert.deepEqual(learner.view.choices.map((c) => `${c.lane} ${c.line} ${c.op}`), ['main 6 spawn add as worker-1']);
  learner.step('main');
  learner.step('main');
  learner.step('worker-1');
  learner.step('worker-2');
  learner.step('worker-1');
  assert.equal(learner.lastStep(), 'worker-1: read shared[0] → 0');
  learner.step('worker-2');
  assert.equal(learner.lastStep(), 'worker-2: read shared[0] → 0');
  assert.deepEqual(learner.view.choices.map((c) => `${c.lane}: ${c.op}`), ['worker-1: write shared[0] ← 1', 'worker-2: write shared[0] ← 1']);
  learner.step('worker-1');
  assert.deepEqual(learner.view.arrays[0]!.changed, [0], 'the write that changed the cell is marked');
  learner.step('worker-2');
  assert.equal(learner.view.arrays[0]!.values[0], '1', 'two increments, one lost');
  assert.equal(learner.view.step, 8);
  while (!learner.view.ended) learner.step(learner.view.choices[0]!.lane);
  assert.deepEqual(learner.view.ended, { state: 'done', reason: undefined, lastLine: 'count = 1' });
  assert.deepEqual(learner.view.output.map((o) => o.text), ['count = 1']);
  assert.equal(learner.view.output[0]!.step, learner.view.step, 'the line was printed by the last step');
});

test('Back is the same schedule one step shorter: the earlier state comes back exactly', () => {
  const learner = new Learner(LOST_UPDATE);
  for (const lane of ['main', 'main', 'worker-1', 'worker-2', 'worker-1', 'worker-1']) learner.step(lane);
  assert.equal(learner.view.arrays[0]!.values[0], '1');
  const back = ok(stepView(LOST_UPDATE, { schedule: learner.schedule, steps: learner.steps - 1 }));
  assert.equal(back.step, 5);
  assert.equal(back.arrays[0]!.values[0], '0');
  assert.equal(back.scheduleLength, 6);
  assert.equal(back.choices[back.next!]!.lane, 'worker-1', 'Next would redo the step taken back');
});

test('a schedule replayed 20 times gives 20 identical executions', () => {
  const random = ok(stepView(LOST_UPDATE, { schedule: null, steps: 0, random: true }));
  assert.ok(random.ended);
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const view = ok(stepView(LOST_UPDATE, { schedule: random.schedule, steps: random.scheduleLength }));
    seen.add(JSON.stringify({ steps: view.steps, output: view.output, ended: view.ended, arrays: view.arrays }));
  }
  assert.equal(seen.size, 1);
  assert.equal(ok(stepView(LOST_UPDATE, { schedule: random.schedule, steps: random.scheduleLength })).ended?.lastLine, random.ended.lastLine);
});

test('Random to end from the middle keeps the steps already taken', () => {
  const learner = new Learner(LOST_UPDATE);
  for (const lane of ['main', 'main', 'worker-1']) learner.step(lane);
  const finished = ok(stepView(LOST_UPDATE, { schedule: learner.schedule, steps: learner.steps, random: true }));
  assert.ok(finished.ended);
  assert.deepEqual(finished.steps.slice(0, 3), learner.view.steps);
  assert.match(finished.ended.lastLine, /^count = [12]$/);
});

test('a deadlock stepped by hand: each lock has its holder, each blocked worker says what it waits for', () => {
  const learner = new Learner(DEADLOCK);
  for (const lane of ['main', 'main', 'worker-1', 'worker-2', 'worker-1', 'worker-2']) learner.step(lane);
  assert.deepEqual(learner.view.syncs.map((s) => [s.kind, s.name, s.holders, s.waiters]), [
    ['mutex', 'mutex A', ['worker-1'], ['worker-2']],
    ['mutex', 'mutex B', ['worker-2'], ['worker-1']],
  ]);
  const blocked = learner.view.lanes.filter((l) => l.state === 'blocked').map((l) => `${l.lane}: ${l.waitsFor}`);
  assert.deepEqual(blocked, ['main: worker-1 to end', 'worker-1: mutex B, held by worker-2', 'worker-2: mutex A, held by worker-1']);
  assert.equal(learner.view.choices.length, 0);
  assert.equal(learner.view.ended?.state, 'deadlock');
});

test('a schedule that no longer fits the code says so', () => {
  const learner = new Learner(LOST_UPDATE);
  for (const lane of ['main', 'main', 'worker-1', 'worker-2', 'worker-1', 'worker-1']) learner.step(lane);
  const edited = LOST_UPDATE.replace('view[0]++;', 'Atomics.add(view, 0, 1);');
  const answer = stepView(edited, { schedule: learner.schedule, steps: learner.steps });
  assert.equal(answer.ok, false);
  assert.ok(!answer.ok && answer.mismatch);
  assert.match(!answer.ok ? answer.message : '', /no longer fits/);
});

test('a channel shows its contents, and a timer is a choice of an idle worker', () => {
  const code = `import { Channel } from 'racecourse';
const ch = new Channel(2, { name: 'jobs' });
await ch.send('a');
await ch.send('b');
setTimeout(() => console.log('tick'), 10);
`;
  const learner = new Learner(code);
  learner.step('main');
  learner.step('main');
  assert.deepEqual(learner.view.syncs, [{ kind: 'channel', name: 'channel jobs', holders: [], waiters: [], items: ['"a"', '"b"'], capacity: 2, closed: false }]);
  assert.deepEqual(learner.view.choices.map((c) => [c.lane, c.isEvent, c.op, c.line]), [['main', true, 'timer set at line 5', 5]]);
  learner.step('main');
  assert.deepEqual(learner.view.output.map((o) => o.text), ['tick']);
});
