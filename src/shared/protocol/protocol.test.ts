import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeProblem,
  parseHubRequest,
  parseRingEvent,
  parseRunReport,
  parseSpawnerToTask,
  parseTaskInit,
  parseRunWorkerMessage,
  parseTaskToSpawner,
  type RunReport,
  type TaskToSpawner,
} from './index.ts';

/** Sends `message` over a real MessageChannel and returns what arrives (ports, SABs and all). */
function roundTrip(message: unknown, transfer: Transferable[] = []): Promise<unknown> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.onmessage = (event: MessageEvent) => {
      port1.close();
      port2.close();
      resolve(event.data);
    };
    port1.postMessage(message, transfer);
  });
}

test('run reports survive a MessageChannel and validate on receipt', async () => {
  const reports: RunReport[] = [
    { type: 'started', runId: 1, startAbs: 123.5 },
    {
      type: 'events',
      runId: 1,
      droppedLines: 0,
      events: [
        { type: 'console', t: 1, task: 'main', stream: 'log', text: 'hi' },
        { type: 'task', t: 2, task: 'worker-1', id: 1, phase: 'spawned', parent: 'main' },
        { type: 'state', t: 3, task: 'worker-1', state: 'waiting', on: 'mutex A' },
      ],
    },
    { type: 'end', runId: 1, state: 'error', t: 4, lingering: 0, error: { kind: 'uncaught', message: 'x', line: 3 } },
    { type: 'alive', runId: 1 },
    { type: 'stopped', runId: 1 },
  ];
  for (const report of reports) {
    const parsed = parseRunReport(await roundTrip(report));
    assert.ok(parsed.ok, JSON.stringify(report));
    assert.deepEqual(parsed.value, report);
  }
});

test('a message that fails validation is described, not trusted', () => {
  const cases: unknown[] = [
    null,
    'events',
    { runId: 1 },
    { type: 'nonsense', runId: 1 },
    { type: 'events', runId: 1, droppedLines: 0, events: [{ type: 'console', t: 1, task: 'main', stream: 'shout', text: 'x' }] },
    { type: 'events', runId: '1', droppedLines: 0, events: [] },
    { type: 'end', runId: 1, state: 'timeout', t: 1, lingering: 0 },
    { type: 'started', runId: 1, startAbs: Number.NaN },
  ];
  for (const data of cases) {
    const parsed = parseRunReport(data);
    assert.equal(parsed.ok, false, JSON.stringify(data));
    if (!parsed.ok) assert.match(describeProblem(parsed.problem), /^Runtime: ignored an invalid internal message \(run report: /);
  }
});

test('ports and shared memory in hub requests arrive as ports and shared memory', async () => {
  const { port2 } = new MessageChannel();
  const sab = new SharedArrayBuffer(8);
  const request = {
    type: 'spawn',
    request: { id: 1, name: 'worker-1', parentId: 0, t: 1, fn: { source: '() => 1', line: 2, column: 4 }, args: [sab], port: port2, pool: 0 },
  };
  const arrived = await roundTrip(request, [port2]);
  const parsed = parseHubRequest(arrived);
  assert.ok(parsed.ok);
  if (parsed.ok && parsed.value.type === 'spawn') {
    assert.ok(parsed.value.request.port instanceof MessagePort);
    assert.ok(parsed.value.request.args[0] instanceof SharedArrayBuffer);
    parsed.value.request.port.close();
  }
  assert.equal(parseHubRequest({ ...request, request: { ...request.request, port: 'not a port' } }).ok, false);
  assert.equal(parseHubRequest({ type: 'register', kind: 'mutex', id: 1, name: 'm', sab: new ArrayBuffer(8), owner: 0 }).ok, false);
});

test('task init, task ⇄ spawner messages and ring records validate', async () => {
  const { port1, port2 } = new MessageChannel();
  const hub = new MessageChannel();
  const init = {
    type: 'task-init',
    runId: 1,
    id: 3,
    name: 'worker-3',
    control: new SharedArrayBuffer(64),
    ring: new SharedArrayBuffer(64),
    hubPort: hub.port1,
    spawnerPort: port1,
    snippet: 'x',
    pageUrl: 'http://localhost/',
    pool: 0,
    fn: { source: '() => 1', line: 1, column: 0 },
    args: [1, 'two'],
    environment: { cores: 8, computeRate: 250_000 },
  };
  assert.ok(parseTaskInit(await roundTrip(init, [port1, hub.port1])).ok);
  assert.equal(parseTaskInit({ ...init, environment: { cores: 8 } }).ok, false, 'every task gets the run\'s compute rate');
  assert.equal(parseTaskInit({ ...init, pool: false }).ok, false);
  const messages: TaskToSpawner[] = [
    { type: 'result', ok: true, value: undefined },
    { type: 'result', ok: false, error: { name: 'TypeError', message: 'x', stack: 'TypeError: x', line: 2 } },
    { type: 'message', data: { any: 'thing' }, from: 0, sent: 1.5 },
    { type: 'job-result', jobId: 4, results: [{ ok: true, value: 1 }], from: 2, sent: 3 },
  ];
  for (const message of messages) assert.ok(parseTaskToSpawner(await roundTrip(message)).ok, message.type);
  assert.equal(parseTaskToSpawner({ type: 'result', ok: false, error: 'boom' }).ok, false);
  assert.ok(parseSpawnerToTask({ type: 'job', jobId: 1, fn: { source: 'f', line: 1, column: 0 }, calls: [[1], [2]], from: 0, sent: 2 }).ok);
  assert.equal(parseSpawnerToTask({ type: 'job', jobId: 1, fn: { source: 'f', line: 1, column: 0 }, calls: [1], from: 0, sent: 2 }).ok, false);
  assert.equal(parseSpawnerToTask({ type: 'message', data: 1 }).ok, false, 'a message carries its sender and send time');
  assert.ok(parseRingEvent({ k: 'message', t: 5, sent: 2, from: 1, kind: 'channel', via: 'jobs' }).ok);
  assert.equal(parseRingEvent({ k: 'message', t: 5, sent: 2, from: 'worker-1', kind: 'channel' }).ok, false);
  assert.ok(parseRingEvent({ k: 'state', t: 1, state: 'waiting', waits: [{ kind: 'mutex', ref: 2 }], holds: [], wakeable: false }).ok);
  assert.equal(parseRingEvent({ k: 'state', t: 1, state: 'waiting', waits: [{ kind: 'spinlock' }], holds: [], wakeable: false }).ok, false);
  port2.close();
  hub.port2.close();
});

test('a run worker is booted, then given its run', async () => {
  const { port1 } = new MessageChannel();
  const source = { url: 'blob:x', type: 'classic' };
  const boot = { type: 'run-boot', hub: source, task: source, warmTasks: 2 };
  assert.ok(parseRunWorkerMessage(await roundTrip(boot, [])).ok);
  const start = { type: 'run-start', runId: 1, code: 'x', pageUrl: 'http://localhost/', port: port1, deadlock: 'end', cores: 2 };
  assert.ok(parseRunWorkerMessage(await roundTrip(start, [port1])).ok);
  assert.equal(parseRunWorkerMessage({ ...start, cores: '2' }).ok, false);
  assert.equal(parseRunWorkerMessage({ ...boot, warmTasks: undefined }).ok, false);
});
