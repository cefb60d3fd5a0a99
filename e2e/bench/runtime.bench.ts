import { test, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import type { RunEvent, RunResult } from '../../src/shared/protocol/index.ts';

/**
 * The runtime's figures, each beside its reference, measured in one run of
 * headless Chromium. Run with `npm run bench`; prints a table.
 *
 * Everything that runs inside a run is measured by a snippet (the raw-worker
 * references are created by the same snippet, in the same run worker, so
 * both sides pay the same costs); workerpool runs on the page, as its users
 * would run it.
 */

const require = createRequire(import.meta.url);

interface Harness {
  run(code: string, options?: { timeLimitMs?: number }): number;
  result(): Promise<RunResult>;
  readonly events: RunEvent[];
}

async function measure(page: Page, code: string): Promise<Record<string, unknown>> {
  const { result, events } = await page.evaluate(async (source) => {
    const harness = (window as unknown as { __runtimeHarness: Harness }).__runtimeHarness;
    harness.run(source, { timeLimitMs: 240_000 });
    const outcome = await harness.result();
    return { result: outcome, events: harness.events };
  }, code);
  const lines = events.flatMap((e) => (e.type === 'console' ? [e.text] : []));
  expect(result.state, lines.join('\n')).toBe('done');
  const json = lines.filter((line) => line.startsWith('{'));
  return Object.assign({}, ...json.map((line) => JSON.parse(line) as Record<string, unknown>)) as Record<string, unknown>;
}

const RAW = `const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rawWorker = (src: string) => new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));`;

const SPAWN = `import { spawn } from "racecourse";
${RAW}
const ours: number[] = [], raw: number[] = [];
for (let i = 0; i < 16; i++) {
  let t0 = performance.now();
  const task = spawn(() => { postMessage(1); });
  await new Promise((r) => { task.onmessage = r; });
  ours.push(performance.now() - t0);
  await task.join();
  t0 = performance.now();
  const w = rawWorker("postMessage(1)");
  await new Promise((r) => { w.onmessage = r; });
  raw.push(performance.now() - t0);
  w.terminate();
}
console.log(JSON.stringify({ spawnOurs: median(ours), spawnRaw: median(raw) }));`;

const ROUND_TRIP = `import { spawn } from "racecourse";
${RAW}
async function pingPong(send: (v: number) => void, listen: (h: () => void) => void, n: number) {
  let next: (() => void) | null = null;
  listen(() => next?.());
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await new Promise<void>((r) => { next = r; send(i); });
  return (performance.now() - t0) / n;
}
const task = spawn(() => new Promise<void>((done) => { onmessage = (e: MessageEvent) => { if (e.data < 0) done(); else postMessage(e.data); }; }));
const w = rawWorker("onmessage = (e) => postMessage(e.data)");
const oursSend = (v: number) => task.postMessage(v), oursListen = (h: () => void) => { task.onmessage = h; };
const rawSend = (v: number) => w.postMessage(v), rawListen = (h: () => void) => { w.onmessage = h; };
await pingPong(oursSend, oursListen, 200);
await pingPong(rawSend, rawListen, 200);
const ours: number[] = [], raw: number[] = [];
for (let i = 0; i < 5; i++) {
  ours.push(await pingPong(oursSend, oursListen, 1000));
  raw.push(await pingPong(rawSend, rawListen, 1000));
}
task.postMessage(-1);
await task.join();
w.terminate();
console.log(JSON.stringify({ tripOurs: median(ours), tripRaw: median(raw) }));`;

const POOL = `import { Pool, cores } from "racecourse";
${RAW}
const items = Array.from({ length: 10_000 }, (_, i) => i);
const pool = new Pool(cores);
await pool.map((x: number) => x + 1, items.slice(0, 200));
const ours: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const out = await pool.map((x: number) => x + 1, items);
  ours.push(performance.now() - t0);
  if (out[9_999] !== 10_000) throw new Error("wrong result");
}
await pool.close();
// The hand-written version: one worker per core, one item per message, the next item on each reply.
const workers = Array.from({ length: cores }, () => rawWorker("onmessage = (e) => postMessage([e.data[0], e.data[1] + 1])"));
const rawMap = (list: number[]) => new Promise<number[]>((resolve) => {
  const out = new Array<number>(list.length);
  let next = 0, done = 0;
  for (const w of workers) {
    w.onmessage = (e: MessageEvent) => {
      out[e.data[0]] = e.data[1];
      if (++done === list.length) resolve(out);
      else if (next < list.length) { w.postMessage([next, list[next]]); next++; }
    };
    if (next < list.length) { w.postMessage([next, list[next]]); next++; }
  }
});
await rawMap(items.slice(0, 200));
const raw: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const out = await rawMap(items);
  raw.push(performance.now() - t0);
  if (out[9_999] !== 10_000) throw new Error("wrong result");
}
for (const w of workers) w.terminate();
console.log(JSON.stringify({ poolOurs: median(ours), poolRaw: median(raw), cores }));`;

const MUTEX = `import { Mutex } from "racecourse";
${RAW}
const N = 1_000_000;
const m = new Mutex();
const cell = new Int32Array(new SharedArrayBuffer(4));
const ours: number[] = [], raw: number[] = [];
for (let round = 0; round < 5; round++) {
  let t0 = performance.now();
  for (let i = 0; i < N; i++) { m.lock(); m.unlock(); }
  ours.push(((performance.now() - t0) * 1e6) / N);
  t0 = performance.now();
  for (let i = 0; i < N; i++) { Atomics.compareExchange(cell, 0, 0, 1); Atomics.compareExchange(cell, 0, 1, 0); }
  raw.push(((performance.now() - t0) * 1e6) / N);
}
console.log(JSON.stringify({ mutexNs: median(ours), casNs: median(raw) }));`;

const SPEEDUP = `import { spawn, cores, now } from "racecourse";
${RAW}
const work = (n: number, gate: Int32Array) => {
  Atomics.add(gate, 1, 1);
  Atomics.notify(gate, 1);
  while (Atomics.load(gate, 0) === 0) Atomics.wait(gate, 0, 0);
  let x = 0;
  for (let i = 0; i < n; i++) x = (x * 31 + i) | 0;
  return { end: now(), x };
};
async function wall(k: number, total: number) {
  const gate = new Int32Array(new SharedArrayBuffer(8));
  const tasks = Array.from({ length: k }, () => spawn(work, Math.round(total / k), gate));
  // Every worker starts and waits at the gate, then it opens: start-up is not measured.
  for (let ready = Atomics.load(gate, 1); ready < k; ready = Atomics.load(gate, 1)) {
    const pending = Atomics.waitAsync(gate, 1, ready);
    if (pending.async) await pending.value;
  }
  const t0 = now();
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  const ends = await Promise.all(tasks.map((t) => t.join()));
  return Math.max(...ends.map((e) => e.end)) - t0;
}
// About a second of work for one worker.
let total = 50_000_000;
const probe = await wall(1, total);
total = Math.round((total * 1000) / probe);
// The same work in raw workers, as a reference for what this machine allows right now.
const RAW_WORK = "onmessage = (e) => { const [n, gate] = e.data; Atomics.add(gate, 1, 1); Atomics.notify(gate, 1); while (Atomics.load(gate, 0) === 0) Atomics.wait(gate, 0, 0); let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) | 0; postMessage([performance.timeOrigin + performance.now(), x]); };";
async function rawWall(k: number, total: number) {
  const gate = new Int32Array(new SharedArrayBuffer(8));
  const workers = Array.from({ length: k }, () => rawWorker(RAW_WORK));
  const ends = workers.map((w) => new Promise<number>((r) => { w.onmessage = (e) => r(e.data[0]); }));
  for (const w of workers) w.postMessage([Math.round(total / k), gate]);
  for (let ready = Atomics.load(gate, 1); ready < k; ready = Atomics.load(gate, 1)) {
    const pending = Atomics.waitAsync(gate, 1, ready);
    if (pending.async) await pending.value;
  }
  const t0 = performance.timeOrigin + performance.now();
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  const done = Math.max(...(await Promise.all(ends))) - t0;
  for (const w of workers) w.terminate();
  return done;
}
const counts = Array.from({ length: 2 * cores }, (_, i) => i + 1);
const walls: Record<number, number[]> = {};
const raw1: number[] = [], rawN: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const k of counts) (walls[k] ??= []).push(await wall(k, total));
  raw1.push(await rawWall(1, total));
  rawN.push(await rawWall(cores, total));
}
// Best of three per count: other work on the machine only ever slows a run down.
console.log(JSON.stringify({ speedup: counts.map((k) => ({ k, ms: Math.min(...walls[k]!) })), cores, rawSpeedup: Math.min(...raw1) / Math.min(...rawN) }));`;

const OVERHEAD = `import { spawn } from "racecourse";
${RAW}
// The same function in both workers (top-level script code would be slower and unfair).
const LOOP = "const loop = () => { let x = 0; const t0 = performance.now(); for (let i = 0; i < 300000000; i++) x = (x * 31 + i) | 0; return { ms: performance.now() - t0, x }; };";
const ours: number[] = [], raw: number[] = [];
for (let round = 0; round < 5; round++) {
  const task = spawn(() => { let x = 0; const t0 = performance.now(); for (let i = 0; i < 300000000; i++) x = (x * 31 + i) | 0; return { ms: performance.now() - t0, x }; });
  ours.push((await task.join()).ms);
  const w = rawWorker(LOOP + " postMessage(loop().ms);");
  raw.push(await new Promise<number>((r) => { w.onmessage = (e) => r(e.data); }));
  w.terminate();
}
// Best of five: the run least disturbed by anything else on the machine.
console.log(JSON.stringify({ loopOurs: Math.min(...ours), loopRaw: Math.min(...raw) }));`;

async function workerpoolMap(page: Page): Promise<number> {
  await page.addScriptTag({ path: require.resolve('workerpool/dist/workerpool.min.js') });
  return page.evaluate(async () => {
    interface Pool {
      exec(fn: (x: number) => number, args: number[]): Promise<number>;
      terminate(): Promise<void>;
    }
    const wp = (window as unknown as { workerpool: { pool(options: { maxWorkers: number }): Pool } }).workerpool;
    const pool = wp.pool({ maxWorkers: navigator.hardwareConcurrency });
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    await Promise.all(items.slice(0, 200).map((x) => pool.exec((v: number) => v + 1, [x])));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const out = await Promise.all(items.map((x) => pool.exec((v: number) => v + 1, [x])));
      times.push(performance.now() - t0);
      if (out[9_999] !== 10_000) throw new Error('wrong result');
    }
    await pool.terminate();
    return [...times].sort((a, b) => a - b)[1] ?? 0;
  });
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);
const ratio = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}×`;

test('runtime benchmark', async ({ page }) => {
  await page.goto('/dev/runtime/');
  await page.waitForFunction(() => typeof (window as unknown as { __runtimeHarness?: unknown }).__runtimeHarness === 'object');
  const spawnFigures = await measure(page, SPAWN);
  const trip = await measure(page, ROUND_TRIP);
  const pool = await measure(page, POOL);
  const mutex = await measure(page, MUTEX);
  const speed = await measure(page, SPEEDUP);
  const loop = await measure(page, OVERHEAD);
  const workerpool = await workerpoolMap(page);

  const n = (record: Record<string, unknown>, key: string) => Number(record[key]);
  const cores = n(speed, 'cores');
  const speedups = speed.speedup as { k: number; ms: number }[];
  const one = speedups.find((s) => s.k === 1)?.ms ?? NaN;
  const rows: string[][] = [
    ['measure', 'racecourse', 'reference', 'ratio', 'goal'],
    ['spawn → first message (ms, median of 16)', fmt(n(spawnFigures, 'spawnOurs')), `raw Blob-URL Worker ${fmt(n(spawnFigures, 'spawnRaw'))}`, ratio(n(spawnFigures, 'spawnOurs'), n(spawnFigures, 'spawnRaw')), '≤ 1.2×'],
    ['postMessage round trip (ms)', fmt(n(trip, 'tripOurs'), 3), `raw Worker ${fmt(n(trip, 'tripRaw'), 3)}`, ratio(n(trip, 'tripOurs'), n(trip, 'tripRaw')), '—'],
    [`Pool.map, 10,000 tiny tasks, ${n(pool, 'cores')} workers (ms)`, fmt(n(pool, 'poolOurs')), `hand-written raw workers ${fmt(n(pool, 'poolRaw'))}`, ratio(n(pool, 'poolOurs'), n(pool, 'poolRaw')), '≤ 1×'],
    ['', '', `workerpool ${fmt(workerpool)}`, ratio(n(pool, 'poolOurs'), workerpool), '≤ 1×'],
    ['Mutex lock + unlock, uncontended (ns)', fmt(n(mutex, 'mutexNs')), `Atomics.compareExchange pair ${fmt(n(mutex, 'casNs'))}`, ratio(n(mutex, 'mutexNs'), n(mutex, 'casNs')), '—'],
    ...speedups.map(({ k, ms }) => {
      const speedup = one / ms;
      const ideal = Math.min(k, cores);
      return [
        `CPU-bound speedup, ${k} worker${k > 1 ? 's' : ''} (best wall ${fmt(ms, 0)} ms)`,
        `${speedup.toFixed(2)}×`,
        `ideal ${ideal}×`,
        `${(speedup / ideal).toFixed(2)}`,
        k === cores ? `≥ 0.9 (speedup ≥ ${(0.9 * cores).toFixed(1)}×)` : '',
      ];
    }),
    [`  same work, ${cores} raw workers (reference)`, `${n(speed, 'rawSpeedup').toFixed(2)}×`, `ideal ${cores}×`, `${(n(speed, 'rawSpeedup') / cores).toFixed(2)}`, ''],
    ['busy loop, 3e8 iterations (ms, best of 5)', fmt(n(loop, 'loopOurs')), `uninstrumented raw worker ${fmt(n(loop, 'loopRaw'))}`, `${(((n(loop, 'loopOurs') - n(loop, 'loopRaw')) / n(loop, 'loopRaw')) * 100).toFixed(1)}% overhead`, '≤ 3%'],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const table = [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
  const load = loadavg().map((v) => v.toFixed(1)).join(' / ');
  console.log(`\nRacecourse runtime benchmark (headless Chromium, ${cores} cores; machine load average ${load})\n\n${table}\n`);
});
