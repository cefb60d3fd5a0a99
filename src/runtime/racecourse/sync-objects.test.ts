import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installContext } from '../core/context.ts';
import { createControl } from '../core/control.ts';
import { createRingBuffer } from '../core/event-ring.ts';
import { Channel } from './channel.ts';
import { Mutex } from './mutex.ts';
import { Semaphore } from './semaphore.ts';
import { pack, unpack } from '../core/transfer.ts';

/**
 * The synchronisation objects within one thread (Node's), with a run
 * context whose hub port leads nowhere. Cross-worker behaviour is covered by
 * the browser tests; here: the rules and the shared-memory plumbing.
 */
const hub = new MessageChannel();
installContext({
  runId: 1,
  id: 0,
  name: 'main',
  control: createControl(),
  ring: createRingBuffer(),
  hubPort: hub.port1,
  snippet: '',
  pageUrl: 'http://localhost/',
  pool: false,
  environment: { cores: 2, computeRate: 100_000 },
});

test('Mutex: tryLock, unlock by the holder only, withLock (also async), names', async () => {
  const m = new Mutex({ name: 'A' });
  assert.equal(m.name, 'mutex A');
  assert.match(new Mutex().name, /^mutex #\d+$/);
  assert.throws(() => m.unlock(), /Cannot unlock mutex A: main does not hold it \(nobody holds it\)/);
  assert.equal(m.tryLock(), true);
  assert.equal(m.tryLock(), false);
  assert.throws(() => m.lock(), /Deadlock: main already holds mutex A/);
  m.unlock();
  assert.equal(m.withLock(() => (m.locked ? 'held' : 'free')), 'held');
  assert.equal(m.locked, false);
  const result = m.withLock(async () => {
    await new Promise((r) => setTimeout(r, 1));
    return m.locked;
  });
  assert.equal(await result, true);
  assert.equal(m.locked, false);
  await m.lockAsync();
  assert.equal(m.locked, true);
  m.unlock();
});

test('Semaphore: permits are counted; acquireAsync waits for a release', async () => {
  const s = new Semaphore(2, 'S');
  s.acquire();
  assert.equal(s.tryAcquire(), true);
  assert.equal(s.tryAcquire(), false);
  let got = false;
  const waiting = s.acquireAsync().then(() => (got = true));
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(got, false);
  s.release();
  await waiting;
  assert.equal(got, true);
  assert.throws(() => new Semaphore(-1), RangeError);
});

test('Channel: FIFO, send waits while full, recv gets undefined once closed and drained, for await', async () => {
  const ch = new Channel<{ n: number }>(2, 'pipe');
  await ch.send({ n: 1 });
  await ch.send({ n: 2 });
  let third = false;
  const sending = ch.send({ n: 3 }).then(() => (third = true));
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(third, false);
  assert.deepEqual(await ch.recv(), { n: 1 });
  await sending;
  ch.close();
  await assert.rejects(ch.send({ n: 4 }), /Cannot send on channel pipe: it is closed/);
  const rest: number[] = [];
  for await (const v of ch) rest.push(v.n);
  assert.deepEqual(rest, [2, 3]);
  assert.equal(await ch.recv(), undefined);
});

test('Channel(0) is a rendezvous: send completes when a receiver has taken the value', async () => {
  const ch = new Channel<number>();
  let sent = false;
  const sending = ch.send(7).then(() => (sent = true));
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(sent, false);
  assert.equal(await ch.recv(), 7);
  await sending;
  assert.equal(sent, true);
});

test('objects packed for a message arrive as working objects over the same shared memory', async () => {
  const m = new Mutex({ name: 'shared' });
  const ch = new Channel<number>(4);
  const { port1, port2 } = new MessageChannel();
  const arrived = await new Promise<unknown>((resolve) => {
    port2.onmessage = (event: MessageEvent) => resolve(event.data);
    port1.postMessage(pack({ list: [m], nested: new Map([['ch', ch]]) }));
  });
  port1.close();
  port2.close();
  const value = unpack(arrived) as { list: Mutex[]; nested: Map<string, Channel<number>> };
  const copy = value.list[0]!;
  assert.ok(copy instanceof Mutex);
  assert.notEqual(copy, m);
  assert.equal(copy.name, 'mutex shared');
  assert.equal(copy.tryLock(), true);
  assert.equal(m.locked, true, 'the original sees the lock taken through the copy');
  copy.unlock();
  await value.nested.get('ch')!.send(9);
  assert.equal(await ch.recv(), 9);
});

test('packing leaves platform objects alone: a MessagePort next to a Mutex stays the port itself', () => {
  const { port1, port2 } = new MessageChannel();
  const m = new Mutex();
  const packed = pack({ port: port1, m, when: new Date(0) });
  assert.equal(packed.port, port1);
  assert.ok(packed.when instanceof Date);
  assert.notEqual(packed.m, m);
  port1.close();
  port2.close();
});
