import { test, expect } from '../fixtures.ts';
import { lines, openHarness, run, system } from './harness.ts';

/** A snippet is a TypeScript module run in a fresh run worker. */

test.beforeEach(async ({ page }) => openHarness(page));

test('a snippet runs in a worker, not on the page, with types stripped and top-level await', async ({ page }) => {
  const { result, events } = await run(
    page,
    `interface Point { x: number; y: number }
const p: Point = { x: 1, y: 2 };
const later = await new Promise<number>((resolve) => setTimeout(() => resolve(p.x + p.y), 10));
console.log(typeof document, typeof window, typeof WorkerGlobalScope, later);`,
  );
  expect(result.state).toBe('done');
  expect(lines(events, 'log')).toEqual(['undefined undefined function 3']);
});

test('the racecourse module is importable by name, with every export of the contract', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Pool, Mutex, Semaphore, Channel, sleep, sleepSync, busy, cores, now } from "racecourse";
console.log([spawn, Pool, Mutex, Semaphore, Channel, sleep, sleepSync, busy].map((f) => typeof f).join(","), typeof cores, typeof now());
const rc = await import("racecourse");
console.log(Object.keys(rc).sort().join(","));`,
  );
  expect(result.state).toBe('done');
  expect(lines(events)[0]).toBe('function,function,function,function,function,function,function,function number number');
  expect(lines(events)[1]).toContain('Channel,Mutex,Pool,Semaphore');
});

test('the standard worker globals work: SharedArrayBuffer, Atomics.wait, MessageChannel, BroadcastChannel, structuredClone, timers', async ({ page }) => {
  const { result, events } = await run(
    page,
    `const cell = new Int32Array(new SharedArrayBuffer(4));
console.log("wait", Atomics.wait(cell, 0, 0, 5));
const channel = new MessageChannel();
const echoed = await new Promise((resolve) => { channel.port2.onmessage = (e) => resolve(e.data); channel.port1.postMessage({ n: 7 }); });
console.log("port", JSON.stringify(echoed));
const a = new BroadcastChannel("t"), b = new BroadcastChannel("t");
const heard = await new Promise((resolve) => { b.onmessage = (e) => resolve(e.data); a.postMessage("hi"); });
a.close(); b.close();
console.log("broadcast", heard, structuredClone(new Map([[1, 2]])).get(1), performance.now() >= 0);`,
  );
  expect(result.state).toBe('done');
  expect(lines(events)).toEqual(['wait timed-out', 'port {"n":7}', 'broadcast hi 2 true']);
});

test('fetch of a same-origin URL works, relative URLs included', async ({ page }) => {
  const { result, events } = await run(
    page,
    `const response = await fetch("/favicon.svg");
const text = await response.text();
console.log(response.status, response.headers.get("content-type"), text.includes("<svg"));`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)[0]).toMatch(/^200 image\/svg\+xml true$/);
});

test('console output is formatted: objects, arrays, Map/Set, typed arrays, errors with stacks, cycles', async ({ page }) => {
  const { events } = await run(
    page,
    `const cyclic: any = { name: "loop" }; cyclic.self = cyclic;
console.log({ a: 1, b: "two", c: [1, 2, 3] });
console.log(new Map([["k", 1]]), new Set([1, 2]), new Uint8Array([1, 2]));
console.log(cyclic);
console.log("%s has %d items", "list", 3);
console.error(new TypeError("bad thing"));
console.warn("careful"); console.info("fyi");`,
  );
  const out = lines(events);
  expect(out[0]).toBe("{ a: 1, b: 'two', c: [ 1, 2, 3 ] }");
  expect(out[1]).toBe("Map(1) { 'k' => 1 } Set(2) { 1, 2 } Uint8Array(2) [ 1, 2 ]");
  expect(out[2]).toBe("{ name: 'loop', self: [Circular] }");
  expect(out[3]).toBe('list has 3 items');
  expect(out[4]).toMatch(/^TypeError: bad thing\n\s+at .*snippet\.ts:6:/);
  const streams = events.filter((e) => e.type === 'console').map((e) => (e.type === 'console' ? e.stream : ''));
  expect(streams.slice(4)).toEqual(['error', 'warn', 'info']);
});
