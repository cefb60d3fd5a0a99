import { test, expect } from '../fixtures.ts';
import { lines, openHarness, run, system, tasks } from './harness.ts';

/** The racecourse module, export by export. */

test.beforeEach(async ({ page }) => openHarness(page));

test('spawn: arguments are cloned, a SharedArrayBuffer is shared, racecourse exports are globals in the task', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(8));
const plain = { n: 1 };
const task = spawn((cells: Int32Array, obj: { n: number }) => {
  Atomics.store(cells, 0, 42);
  obj.n = 99;
  return [typeof spawn, typeof Mutex, typeof busy, typeof now(), typeof cores, typeof postMessage].join(",");
}, shared, plain);
console.log(await task.join(), shared[0], plain.n);`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['function,function,function,number,number,function 42 1']);
});

test('join: the return value, awaited when the function is async', async ({ page }) => {
  const { events } = await run(
    page,
    `import { spawn, sleep } from "racecourse";
const a = spawn(async (x: number) => { await sleep(5); return { doubled: x * 2 }; }, 21);
console.log(JSON.stringify(await a.join()));`,
  );
  expect(lines(events)).toEqual(['{"doubled":42}']);
});

test('join rejects with the error thrown in the task: same name and message, stack into the snippet', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
class Custom extends Error { name = "CustomError"; }

const t = spawn(() => {
  throw new RangeError("out of range");
});
try { await t.join(); } catch (e: any) { console.log(e.name, "|", e.message, "|", /snippet\\.ts:5:/.test(e.stack)); }
const u = spawn(() => { class Custom extends Error { name = "CustomError"; } throw new Custom("mine"); });
try { await u.join(); } catch (e: any) { console.log(e.name, "|", e.message); }`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['RangeError | out of range | true', 'CustomError | mine']);
});

test('terminate ends the task at once; join rejects with TerminatedError', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const t = spawn(() => { while (true) {} });
t.terminate();
try { await t.join(); } catch (e: any) { console.log(e.name); }`,
  );
  expect(result.state).toBe('done');
  expect(lines(events)).toEqual(['TerminatedError']);
  expect(tasks(events, 'terminated').map((e) => e.task)).toEqual(['worker-1']);
});

test('names and ids follow spawn order within a run, across nested spawners', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const a = spawn(() => 1);
const b = spawn(() => { const inner = spawn(() => 3); return inner.name + "/" + inner.id; });
console.log(a.name, a.id, b.name, b.id, await b.join());
const c = spawn(() => 4);
console.log(c.name);
await Promise.all([a.join(), c.join()]);`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['worker-1 1 worker-2 2 worker-3/3', 'worker-4']);
});

test('postMessage / onmessage between a spawner and its task, both ways', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const t = spawn(() => new Promise((resolve) => {
  onmessage = (e: MessageEvent) => { postMessage(e.data * 2); resolve("got " + e.data); };
}));
t.postMessage(21);
const reply = await new Promise((resolve) => { t.onmessage = (e) => resolve(e.data); });
console.log(reply, await t.join());`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['42 got 21']);
});

test('a MessagePort travels in the transfer list both ways and arrives as event.ports[0], as with a Worker', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const t = spawn(() => new Promise((resolve) => {
  onmessage = (e: MessageEvent) => {
    const down = e.ports[0];
    down.onmessage = (m) => down.postMessage(m.data + " pong");
    const up = new MessageChannel();
    up.port1.onmessage = (m) => resolve("task heard " + m.data);
    postMessage("here", [up.port2]);
  };
}));
const { port1, port2 } = new MessageChannel();
t.postMessage("take this", [port2]);
console.log(await new Promise((resolve) => { port1.onmessage = (e) => resolve(e.data); port1.postMessage("ping"); }));
const up = await new Promise<MessagePort>((resolve) => { t.onmessage = (e) => resolve(e.ports[0]); });
up.postMessage("hello");
console.log(await t.join());`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['ping pong', 'task heard hello']);
});

test("addEventListener('message') sees the ports too, on both sides", async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
const t = spawn(() => new Promise((resolve) => {
  addEventListener("message", (e: MessageEvent) => {
    const up = new MessageChannel();
    up.port1.onmessage = (m) => resolve("task heard " + m.data);
    e.ports[0].postMessage(e.ports.length + " port");
    postMessage(null, [up.port2]);
  });
}));
const { port1, port2 } = new MessageChannel();
const down = new Promise((resolve) => { port1.onmessage = (e) => resolve(e.data); });
const up = new Promise<MessagePort>((resolve) => t.addEventListener("message", (e) => resolve((e as MessageEvent).ports[0])));
t.postMessage(null, [port2]);
console.log(await down);
(await up).postMessage("hello");
console.log(await t.join());`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['1 port', 'task heard hello']);
});

test('a closure fails with a ReferenceError that explains, in plain words, what to do', async ({ page }) => {
  const { events } = await run(
    page,
    `import { spawn } from "racecourse";
const factor = 3;
const t = spawn((x: number) => x * factor, 2);
try { await t.join(); } catch (e: any) { console.log(e.name + ": " + e.message); }`,
  );
  const [line] = lines(events);
  expect(line).toMatch(/^ReferenceError: factor is not defined\./);
  expect(line).toContain('Functions passed to spawn() run in another worker');
  expect(line).toContain('as an argument');
});

test('an uncloneable argument fails with the browser DataCloneError plus an explanation', async ({ page }) => {
  const { events } = await run(
    page,
    `import { spawn } from "racecourse";
try { spawn((f: () => number) => f(), () => 1); } catch (e: any) { console.log(e.name + ": " + e.message); }
const ok = spawn(() => "fine");
console.log(ok.name, await ok.join());`,
  );
  const [line, next] = lines(events);
  expect(line).toMatch(/^DataCloneError: .*could not be cloned/);
  expect(line).toContain('copied into the other worker');
  expect(next).toBe('worker-1 fine');
});

test('Mutex: lock/unlock give mutual exclusion across workers; unlock when not held throws; tryLock; withLock; lockAsync', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex } from "racecourse";
const lock = new Mutex({ name: "counter" });
const counter = new Int32Array(new SharedArrayBuffer(4));
const work = (m: Mutex, c: Int32Array) => {
  for (let i = 0; i < 20000; i++) { m.lock(); const v = c[0]; c[0] = v + 1; m.unlock(); }
};
const tasks = [1, 2, 3, 4].map(() => spawn(work, lock, counter));
await Promise.all(tasks.map((t) => t.join()));
console.log("count", counter[0]);
try { lock.unlock(); } catch (e: any) { console.log("unlock:", e.message); }
console.log("tryLock", lock.tryLock(), lock.tryLock());
lock.unlock();
console.log("withLock", lock.withLock(() => 5), lock.locked);
await lock.lockAsync();
const other = spawn((m: Mutex) => m.tryLock(), lock);
console.log("other worker tryLock while held:", await other.join());
lock.unlock();`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual([
    'count 80000',
    'unlock: Cannot unlock mutex counter: main does not hold it (nobody holds it).',
    'tryLock true false',
    'withLock 5 false',
    'other worker tryLock while held: false',
  ]);
});

test('Semaphore(n): never more than n holders; acquireAsync', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Semaphore, busy } from "racecourse";
const sem = new Semaphore(2);
const stats = new Int32Array(new SharedArrayBuffer(8));
const job = (s: Semaphore, st: Int32Array) => {
  s.acquire();
  const inside = Atomics.add(st, 0, 1) + 1;
  for (;;) { const max = Atomics.load(st, 1); if (inside <= max || Atomics.compareExchange(st, 1, max, inside) === max) break; }
  Atomics.notify(st, 1);
  // Stay inside until two holders have been inside at once (at most 5 s), however slowly a busy
  // machine starts the workers: the maximum then shows the semaphore's bound, not the timing.
  const until = performance.now() + 5000;
  for (let max = Atomics.load(st, 1); max < 2 && performance.now() < until; max = Atomics.load(st, 1)) Atomics.wait(st, 1, max, 50);
  busy(20);
  Atomics.sub(st, 0, 1);
  s.release();
};
await Promise.all([1, 2, 3, 4, 5].map(() => spawn(job, sem, stats).join()));
await sem.acquireAsync();
console.log("max inside", stats[1], "available", sem.available);`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['max inside 2 available 1']);
});

test('Channel: bounded FIFO across workers; send waits while full; recv undefined once closed and drained; for await', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Channel } from "racecourse";
const ch = new Channel<{ i: number; tag: string }>(2);
const producer = spawn(async (c: Channel<{ i: number; tag: string }>) => {
  for (let i = 0; i < 50; i++) await c.send({ i, tag: "v" + i });
  c.close();
  return "sent";
}, ch);
const seen: number[] = [];
for await (const v of ch) seen.push(v.i);
console.log(seen.length, seen.every((v, i) => v === i), await producer.join(), await ch.recv());
const full = new Channel<number>(1);
await full.send(1);
let second = false;
const pending = full.send(2).then(() => { second = true; });
await new Promise((r) => setTimeout(r, 20));
console.log("while full:", second, "recv:", await full.recv());
await pending;
console.log("after recv:", second, await full.recv());`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['50 true sent undefined', 'while full: false recv: 1', 'after recv: true 2']);
});

test('Pool: map keeps order and never runs more than size at once; submit; errors reject one promise; close', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { Pool } from "racecourse";
const pool = new Pool(3);
const stats = new Int32Array(new SharedArrayBuffer(8));
const squares = await pool.map((x: number) => x * x, Array.from({ length: 100 }, (_, i) => i));
console.log(squares.length, squares[0], squares[99]);
const watched = await pool.map((st: Int32Array) => {
  const inside = Atomics.add(st, 0, 1) + 1;
  for (;;) { const max = Atomics.load(st, 1); if (inside <= max || Atomics.compareExchange(st, 1, max, inside) === max) break; }
  Atomics.notify(st, 1);
  // Stay inside until three calls have been inside at once (at most 5 s): the maximum then shows
  // the pool's size, not how the machine's load happened to spread the calls.
  const until = performance.now() + 5000;
  for (let max = Atomics.load(st, 1); max < 3 && performance.now() < until; max = Atomics.load(st, 1)) Atomics.wait(st, 1, max, 50);
  Atomics.sub(st, 0, 1);
  return inside;
}, Array.from({ length: 12 }, () => stats));
console.log("max at once", stats[1], watched.length);
const bad = pool.submit((x: number) => { if (x > 1) throw new TypeError("too big"); return x; }, 2);
await bad.then(() => console.log("no error?"), (e: any) => console.log("rejected", e.name, e.message));
console.log("still usable", await pool.submit((a: number, b: number) => a + b, 2, 3));
const queued = [1, 2, 3, 4, 5].map((n) => pool.submit((v: number) => v * 10, n));
await pool.close();
console.log("after close", (await Promise.all(queued)).join(","));
try { pool.submit(() => 1); } catch (e: any) { console.log(e.message); }`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual([
    '100 0 9801',
    'max at once 3 12',
    'rejected TypeError too big',
    'still usable 5',
    'after close 10,20,30,40,50',
    'Cannot submit on a closed Pool.',
  ]);
});

test('sleep, sleepSync, busy, cores, now', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, sleep, sleepSync, busy, cores, now } from "racecourse";
const t0 = now();
await sleep(30);
const t1 = now();
sleepSync(30);
const t2 = now();
const n = busy(30);
const t3 = now();
console.log(t1 - t0 >= 29, t2 - t1 >= 29, t3 - t2 >= 29, typeof n, cores === navigator.hardwareConcurrency);
const there = await spawn(() => now()).join();
const here = now();
console.log("same clock", there > t3 && there <= here);`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['true true true number true', 'same clock true']);
});

test('Mutex, Semaphore and Channel travel in messages and results as working objects', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex, Channel } from "racecourse";
const t = spawn(() => ({ lock: new Mutex({ name: "made in task" }), ch: new Channel<number>(4) }));
const { lock, ch } = await t.join();
console.log(lock instanceof Mutex, lock.name, lock.tryLock(), ch instanceof Channel);
await ch.send(5);
const reader = spawn(async (c: Channel<number>) => await c.recv(), ch);
console.log(await reader.join());`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['true mutex made in task true true', '5']);
});

test('no hidden deadlock: spawning tasks and blocking at once (mutex.lock, Atomics.wait) does not hang', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex } from "racecourse";
const gate = new Mutex({ name: "gate" });
const done = new Int32Array(new SharedArrayBuffer(4));
gate.lock();
const workers = [1, 2, 3, 4].map((i) => spawn((m: Mutex, d: Int32Array, n: number) => {
  Atomics.add(d, 0, 1); Atomics.notify(d, 0);
  if (n === 4) { /* the last one frees main's second wait */ }
  return n;
}, gate, done, i));
// Block at once, before any event loop turn: the tasks must still start.
while (Atomics.load(done, 0) < 4) Atomics.wait(done, 0, Atomics.load(done, 0));
console.log("all four started while main was blocked");
const second = spawn((m: Mutex) => { m.lock(); m.unlock(); return "got the gate"; }, gate);
gate.unlock();
gate.lock();
gate.unlock();
console.log(await second.join(), (await Promise.all(workers.map((w) => w.join()))).join(","));`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['all four started while main was blocked', 'got the gate 1,2,3,4']);
});

test('no hidden deadlock: a blocking acquire right after spawning waits for the tasks, which do start', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Semaphore } from "racecourse";
const done = new Semaphore(0);
for (let i = 0; i < 4; i++) spawn((s: Semaphore) => s.release(), done);
for (let i = 0; i < 4; i++) done.acquire();
console.log("four releases arrived");`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['four releases arrived']);
});

test('functions given to a Pool follow the spawn rules: a closure gets the plain-words explanation', async ({ page }) => {
  const { events } = await run(
    page,
    `import { Pool } from "racecourse";
const pool = new Pool(2);
const offset = 10;
await pool.map((x: number) => x + offset, [1, 2]).catch((e: any) => console.log(e.name + ": " + e.message));
await pool.close();`,
  );
  const [line] = lines(events);
  expect(line).toMatch(/^ReferenceError: offset is not defined\. Functions given to a Pool run in another worker/);
});

test('a runtime name used without its import gets a hint', async ({ page }) => {
  const { result, events } = await run(page, `const t = spawn(() => 1);`);
  expect(result.state).toBe('error');
  expect(system(events)[0]).toMatch(/spawn is not defined\. Did you mean to import it\? import \{ spawn \} from "racecourse";/);
});
