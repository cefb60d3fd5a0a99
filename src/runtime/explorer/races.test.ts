import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explore } from './explore.ts';
import { stepView } from './step.ts';
import { decodeSchedule } from './schedule.ts';

/**
 * Data races and potential deadlocks inside Explore: they fire where they
 * must, stay quiet on the course's correct programs, and tell a data race
 * from a race condition.
 */

const course = (path: string) => readFileSync(new URL(`../../../content/${path}`, import.meta.url), 'utf8');
const explored = (code: string) => explore(code, { preemptions: 2, maxMs: 20_000 });

const LOST_UPDATE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) {
  for (let i = 0; i < 2; i++) {
    shared[0]++;
  }
}
const a = spawn(add, shared);
const b = spawn(add, shared);
await a.join();
await b.join();
console.log(\`count = \${shared[0]}\`);`;

test('the lost update with plain ++ is a data race, told once per pair of accesses, in words', () => {
  const report = explored(LOST_UPDATE);
  const races = report.races ?? [];
  assert.ok(races.length >= 1);
  for (const race of races) {
    assert.equal(race.cell, 'shared[0]');
    assert.deepEqual(race.lines, [5, 5]);
    assert.match(race.message, /^Data race on shared\[0\]: worker-[12] (writes|reads) it at line 5, worker-[12] (writes|reads) it at line 5, and nothing orders the two\.$/);
    assert.notEqual(race.lanes[0], race.lanes[1]);
  }
  // Each distinct race once over the whole search: read/write and write/write.
  assert.ok(races.length <= 2, races.map((r) => r.message).join('\n'));
});

test('the message names both lanes and lines in the order the accesses happened', () => {
  const code = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function writer(shared: Int32Array) {
  shared[0] = 1;
}
function reader(shared: Int32Array) {
  return shared[0];
}
const a = spawn(writer, shared);
const b = spawn(reader, shared);
await a.join(); await b.join();`;
  const messages = (explored(code).races ?? []).map((r) => r.message);
  assert.ok(messages.includes('Data race on shared[0]: worker-1 writes it at line 4, worker-2 reads it at line 7, and nothing orders the two.'), messages.join('\n'));
  assert.equal(messages.length, 1, 'the reverse order is the same race');
});

test('the forgotten lock (one worker locks, the other does not) is a data race; both locking is not', () => {
  const code = (second: string) => `import { spawn, Mutex } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
const lock = new Mutex("count");
function add(shared: Int32Array, lock: Mutex | null) {
  lock?.lock();
  shared[0] = shared[0] + 1;
  lock?.unlock();
}
const a = spawn(add, shared, lock);
const b = spawn(add, shared, ${second});
await a.join(); await b.join();`;
  assert.notDeepEqual(explored(code('null')).races, []);
  assert.deepEqual(explored(code('lock')).races, []);
});

test('a race condition without a data race: check-then-act with atomics fails, with no data race', () => {
  const code = `import { spawn } from "racecourse";
const seats = new Int32Array(new SharedArrayBuffer(4));
Atomics.store(seats, 0, 1);
function buy(seats: Int32Array) {
  if (Atomics.load(seats, 0) > 0) Atomics.sub(seats, 0, 1);
}
const a = spawn(buy, seats);
const b = spawn(buy, seats);
await a.join(); await b.join();
console.log(\`seats left: \${Atomics.load(seats, 0)}\`);`;
  const report = explored(code);
  assert.deepEqual(report.races, []);
  assert.ok(report.outcomes.some((o) => o.lastLine === 'seats left: -1'), 'Explore still finds the oversold seat');
});

test('a data race without a wrong outcome: two workers plain-write the same 1, with no sync', () => {
  const code = `import { spawn } from "racecourse";
const done = new Int32Array(new SharedArrayBuffer(4));
function finish(done: Int32Array) {
  done[0] = 1;
}
const a = spawn(finish, done);
const b = spawn(finish, done);
await a.join(); await b.join();
console.log(\`done = \${done[0]}\`);`;
  const report = explored(code);
  assert.deepEqual(
    report.races?.map((r) => r.message),
    ['Data race on done[0]: worker-1 writes it at line 4, worker-2 writes it at line 4, and nothing orders the two.'],
  );
  assert.deepEqual(
    report.outcomes.map((o) => o.lastLine),
    ['done = 1'],
  );
});

test('quiet on the course’s correct programs: the atomic counter, the mutex count, lock ordering, tryLock, the pipelines', () => {
  for (const path of [
    '05-locks/01-locks-and-atomics/_snippets/atomic-count.ts',
    '05-locks/01-locks-and-atomics/_snippets/mutex-count.ts',
    '06-deadlock/01-deadlock/_snippets/fix-ordering.ts',
    '06-deadlock/01-deadlock/_snippets/fix-trylock.ts',
    '06-deadlock/01-deadlock/_snippets/philosophers.solution.ts',
    '07-ipc/01-channels-and-pipes/_snippets/first-queue.ts',
    '07-ipc/01-channels-and-pipes/_snippets/poison-pill.solution.ts',
    '07-ipc/01-channels-and-pipes/_snippets/ring-buffer.ts',
    '09-capstone/01-counting-primes/_snippets/sentinel.solution.ts',
  ]) {
    const report = explore(course(path), { preemptions: 2, maxExecutions: 2_000, maxMs: 5_000 });
    assert.equal(report.unsupported, undefined, path);
    assert.ok(report.executions > 0, path);
    assert.deepEqual(report.races, [], path);
    assert.deepEqual(report.deadlocks, [], path);
  }
});

test('the course’s lost update and forgotten lock use Atomics.load/store: a race condition, but no data race', () => {
  for (const path of ['04-races/01-lost-updates/_snippets/lost-updates.ts', '04-races/01-lost-updates/_snippets/forgotten-lock.ts']) {
    const report = explore(course(path), { preemptions: 2, maxExecutions: 2_000, maxMs: 5_000 });
    assert.deepEqual(report.races, [], path);
    assert.ok(report.outcomes.some((o) => /lost [1-9]/.test(o.lastLine) || /lost [1-9]/.test(o.reason ?? '')) || report.failures > 0 || report.outcomes.length > 1, path);
  }
});

test('potential deadlock: two transfers and the dining philosophers fire, in words with their lines', () => {
  const transfers = explored(course('06-deadlock/01-deadlock/_snippets/two-transfers.ts'));
  assert.deepEqual(transfers.deadlocks, [
    {
      message: 'Potential deadlock: worker-1 took mutex A (line 11) then mutex B (line 18); worker-2 took mutex B (line 11) then mutex A (line 18). A different timing would hang.',
      lines: [11, 18],
    },
  ]);
  const philosophers = explore(course('06-deadlock/01-deadlock/_snippets/philosophers.start.ts'), { preemptions: 2, maxExecutions: 2_000, maxMs: 5_000 });
  assert.ok((philosophers.deadlocks ?? []).length >= 1);
  assert.match(philosophers.deadlocks![0]!.message, /^Potential deadlock: worker-\d took mutex fork/);
});

test('potential deadlock on a run that never hangs: opposite orders, serialised by joins in between', () => {
  const code = (second: string) => `import { spawn, Mutex } from "racecourse";
const a = new Mutex("A");
const b = new Mutex("B");
function both(first: Mutex, second: Mutex) { first.lock(); second.lock(); second.unlock(); first.unlock(); }
await spawn(both, a, b).join();
await spawn(both, ${second}).join();`;
  const report = explored(code('b, a'));
  assert.equal(report.failures, 0, 'no explored execution hangs');
  assert.equal(report.deadlocks?.length, 1);
  assert.deepEqual(explored(code('a, b')).deadlocks, []);
});

test('Step mode lists the races of its execution so far, up to the current step', () => {
  const report = explored(LOST_UPDATE);
  const lost = report.outcomes.find((o) => o.lastLine !== 'count = 4');
  assert.ok(lost, 'some schedule loses an update');
  const decoded = decodeSchedule(lost.schedule);
  assert.ok(decoded.ok);
  const at = (steps: number) => {
    const result = stepView(LOST_UPDATE, { schedule: lost.schedule, steps });
    assert.ok(result.ok);
    return result.view.races ?? [];
  };
  assert.deepEqual(at(0), []);
  const end = at(decoded.schedule.choices.length);
  assert.ok(end.length >= 1);
  assert.equal(end[0]!.cell, 'shared[0]');
  // Somewhere in between the first race appears, and stays.
  const counts = decoded.schedule.choices.map((_, k) => at(k).length);
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
});
