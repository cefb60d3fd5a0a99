import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explore } from './explore.ts';

/**
 * Every happens-before edge (happens-before.ts), each twice: a program whose
 * two accesses that edge orders has no data race, and the same program with
 * the edge taken away has one. So each test fails if its edge is missing
 * (a race appears) or if the race check is blind (none appears).
 */

const racesOf = (code: string) => (explore(code, { preemptions: 2 }).races ?? []).map((r) => r.message);

function ordered(name: string, withEdge: string, withoutEdge: string): void {
  test(`${name}: orders the two accesses (no race), and without it there is a race`, () => {
    assert.deepEqual(racesOf(withEdge), [], 'with the edge');
    assert.notDeepEqual(racesOf(withoutEdge), [], 'without the edge');
  });
}

const HEAD = `import { spawn, Mutex, Semaphore, Channel, Pool } from "racecourse";
const data = new Int32Array(new SharedArrayBuffer(8));
const flag = new Int32Array(new SharedArrayBuffer(8));
`;

ordered(
  'program order and spawn (the child starts after what its parent did)',
  `${HEAD}
data[0] = 1;
function reader(data: Int32Array) { return data[0]; }
await spawn(reader, data).join();`,
  `${HEAD}
function reader(data: Int32Array) { return data[0]; }
const t = spawn(reader, data);
data[0] = 1;
await t.join();`,
);

ordered(
  'join (the joiner sees everything the task did)',
  `${HEAD}
function writer(data: Int32Array) { data[0] = 1; }
const t = spawn(writer, data);
await t.join();
console.log(data[0]);`,
  `${HEAD}
function writer(data: Int32Array) { data[0] = 1; }
const t = spawn(writer, data);
console.log(data[0]);
await t.join();`,
);

const lockedAdd = (lock: string, unlock: string) => `${HEAD}
const m = new Mutex("m");
async function add(data: Int32Array, m: Mutex | null) { ${lock} data[0] = data[0] + 1; ${unlock} }
const a = spawn(add, data, m);
const b = spawn(add, data, BOTH);
await a.join(); await b.join();`;

ordered('Mutex unlock → lock', lockedAdd('m?.lock();', 'm?.unlock();').replace('BOTH', 'm'), lockedAdd('m?.lock();', 'm?.unlock();').replace('BOTH', 'null'));
ordered('Mutex unlock → lockAsync', lockedAdd('await m?.lockAsync();', 'm?.unlock();').replace('BOTH', 'm'), lockedAdd('await m?.lockAsync();', 'm?.unlock();').replace('BOTH', 'null'));
ordered(
  'Mutex unlock → tryLock',
  lockedAdd('if (m && !m.tryLock()) return;', 'm?.unlock();').replace('BOTH', 'm'),
  lockedAdd('if (m && !m.tryLock()) return;', 'm?.unlock();').replace('BOTH', 'null'),
);

ordered(
  'Mutex withLock',
  `${HEAD}
const m = new Mutex("m");
function add(data: Int32Array, m: Mutex) { m.withLock(() => { data[0] = data[0] + 1; }); }
const a = spawn(add, data, m); const b = spawn(add, data, m);
await a.join(); await b.join();`,
  `${HEAD}
const m = new Mutex("m");
const n = new Mutex("n");
function add(data: Int32Array, m: Mutex) { m.withLock(() => { data[0] = data[0] + 1; }); }
const a = spawn(add, data, m); const b = spawn(add, data, n);
await a.join(); await b.join();`,
);

const signal = (acquire: string) => `${HEAD}
const s = new Semaphore(0);
function producer(data: Int32Array, s: Semaphore) { data[0] = 42; s.release(); }
function consumer(data: Int32Array, s: Semaphore) { ${acquire} return data[0]; }
const a = spawn(producer, data, s); const b = spawn(consumer, data, s);
await a.join(); await b.join();`;
ordered('Semaphore release → acquire', signal('s.acquire();'), signal(''));
ordered('Semaphore release → acquireAsync', signal('await s.acquireAsync();').replace('function consumer', 'async function consumer'), signal(''));

const message = (recv: string, capacity = 1) => `${HEAD}
const ch = new Channel<number>(${capacity});
async function producer(data: Int32Array, ch: Channel<number>) { data[0] = 42; await ch.send(1); }
async function consumer(data: Int32Array, ch: Channel<number>) { ${recv} return data[0]; }
const a = spawn(producer, data, ch); const b = spawn(consumer, data, ch);
await a.join(); await b.join();`;
ordered('Channel send → recv (buffered)', message('await ch.recv();'), message(''));
ordered('Channel send → recv (rendezvous)', message('await ch.recv();', 0), message('', 0));
ordered('Channel send → tryRecv that takes the value', message('if (ch.tryRecv() === undefined) return -1;'), message(''));

ordered(
  'Channel close → a receive that sees it closed',
  `${HEAD}
const ch = new Channel<number>(1);
function producer(data: Int32Array, ch: Channel<number>) { data[0] = 42; ch.close(); }
async function consumer(data: Int32Array, ch: Channel<number>) { for await (const _ of ch) {} return data[0]; }
const a = spawn(producer, data, ch); const b = spawn(consumer, data, ch);
await a.join(); await b.join();`,
  `${HEAD}
const ch = new Channel<number>(1);
function producer(data: Int32Array, ch: Channel<number>) { ch.close(); data[0] = 42; }
async function consumer(data: Int32Array, ch: Channel<number>) { for await (const _ of ch) {} return data[0]; }
const a = spawn(producer, data, ch); const b = spawn(consumer, data, ch);
await a.join(); await b.join();`,
);

const publish = (store: string, load: string) => `${HEAD}
function writer(data: Int32Array, flag: Int32Array) { data[0] = 42; ${store}; }
function reader(data: Int32Array, flag: Int32Array) { if (${load} === 1) return data[0]; return -1; }
const a = spawn(writer, data, flag); const b = spawn(reader, data, flag);
await a.join(); await b.join();`;
ordered('Atomics.store → Atomics.load that sees it (publish with an atomic flag)', publish('Atomics.store(flag, 0, 1)', 'Atomics.load(flag, 0)'), publish('flag[0] = 1', 'flag[0]'));
// Without the edge: the add comes before the write, so it publishes nothing.
ordered('Atomics read-modify-write → Atomics.load', publish('Atomics.add(flag, 0, 1)', 'Atomics.load(flag, 0)'), publish('Atomics.add(flag, 0, 1)', 'Atomics.load(flag, 0)').replace('data[0] = 42; Atomics.add(flag, 0, 1)', 'Atomics.add(flag, 0, 1); data[0] = 42'));

test('publish with a plain flag: the race on the flag and on the data, in words', () => {
  const races = racesOf(publish('flag[0] = 1', 'flag[0]'));
  assert.ok(races.some((r) => /^Data race on flag\[0\]: worker-\d (writes|reads) it at line \d+, worker-\d (writes|reads) it at line \d+, and nothing orders the two\.$/.test(r)), races.join('\n'));
  assert.ok(races.some((r) => r.startsWith('Data race on data[0]:')), races.join('\n'));
});

test('an Atomics.load does not release: two loads in a row do not order a plain write before a plain read', () => {
  const code = `${HEAD}
function writer(data: Int32Array, flag: Int32Array) { data[0] = 42; Atomics.load(flag, 0); }
function reader(data: Int32Array, flag: Int32Array) { Atomics.load(flag, 0); return data[0]; }
const a = spawn(writer, data, flag); const b = spawn(reader, data, flag);
await a.join(); await b.join();`;
  assert.notDeepEqual(racesOf(code), []);
});

const wake = (read: string) => `${HEAD}
function writer(data: Int32Array, flag: Int32Array) { data[0] = 42; Atomics.notify(flag, 0); }
function sleeper(data: Int32Array, flag: Int32Array) { const r = Atomics.wait(flag, 0, 0, 10); ${read} }
const a = spawn(sleeper, data, flag); const b = spawn(writer, data, flag);
await a.join(); await b.join();`;
// Only notify orders the write: nobody stores to flag, and a wait that timed out is ordered by nothing.
ordered('Atomics.notify → the wait it wakes', wake('if (r === "ok") return data[0];'), wake('return data[0];'));

ordered(
  'Atomics.notify → the waitAsync it wakes',
  `${HEAD}
function writer(data: Int32Array, flag: Int32Array) { data[0] = 42; Atomics.notify(flag, 0); }
async function sleeper(data: Int32Array, flag: Int32Array) { const r = Atomics.waitAsync(flag, 0, 0, 10); if ((await r.value) === "ok") return data[0]; }
const a = spawn(sleeper, data, flag); const b = spawn(writer, data, flag);
await a.join(); await b.join();`,
  `${HEAD}
function writer(data: Int32Array, flag: Int32Array) { data[0] = 42; Atomics.notify(flag, 0); }
async function sleeper(data: Int32Array, flag: Int32Array) { const r = Atomics.waitAsync(flag, 0, 0, 10); await r.value; return data[0]; }
const a = spawn(sleeper, data, flag); const b = spawn(writer, data, flag);
await a.join(); await b.join();`,
);

ordered(
  'Pool submit → the job starts',
  `${HEAD}
function job(data: Int32Array) { return data[0]; }
const pool = new Pool(2);
data[0] = 1;
await pool.submit(job, data);
await pool.close();`,
  `${HEAD}
function job(data: Int32Array) { return data[0]; }
const pool = new Pool(2);
const result = pool.submit(job, data);
data[0] = 1;
await result;
await pool.close();`,
);

ordered(
  'Pool job ends → whoever awaits its result',
  `${HEAD}
function job(data: Int32Array) { data[0] = 1; }
const pool = new Pool(2);
await pool.submit(job, data);
console.log(data[0]);
await pool.close();`,
  `${HEAD}
function job(data: Int32Array) { data[0] = 1; }
const pool = new Pool(2);
const result = pool.submit(job, data);
console.log(data[0]);
await result;
await pool.close();`,
);

test('timers and promises within one lane are program order: no race with itself', () => {
  const code = `${HEAD}
import { sleep } from "racecourse";
async function worker(data: Int32Array) {
  setTimeout(() => { data[0] = 2; }, 5);
  await Promise.resolve().then(() => { data[0] = 1; });
  await sleep(10);
  return data[0];
}
await spawn(worker, data).join();`;
  assert.deepEqual(racesOf(code), []);
});
