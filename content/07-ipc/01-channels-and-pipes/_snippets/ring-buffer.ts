import { spawn, Channel, now } from "racecourse";

const COUNT = 100_000;

// A ring buffer in shared memory (Python: multiprocessing.shared_memory or Array('i', n)).
// ring[0]: items taken so far (head), ring[1]: items put so far (tail), ring[2…]: 1024 slots.
// Only numbers ≥ 0 are sent; -1 is the sentinel that means "no more".
const ring = new Int32Array(new SharedArrayBuffer(4 * (2 + 1024)));

const ringProducer = spawn((ring: Int32Array, count: number) => {
  const size = ring.length - 2;
  const put = (value: number) => {
    const tail = Atomics.load(ring, 1);
    for (let head = Atomics.load(ring, 0); tail - head === size; head = Atomics.load(ring, 0)) {
      Atomics.wait(ring, 0, head); // full: wait for the consumer to take one
    }
    ring[2 + (tail % size)] = value;
    Atomics.store(ring, 1, tail + 1);
    Atomics.notify(ring, 1);
  };
  for (let i = 0; i < count; i++) put(i);
  put(-1);
}, ring, COUNT);

const ringConsumer = spawn((ring: Int32Array) => {
  const size = ring.length - 2;
  let sum = 0;
  let firstAt = -1; // time the first item arrived: start-up time is not counted
  for (;;) {
    const head = Atomics.load(ring, 0);
    for (let tail = Atomics.load(ring, 1); tail === head; tail = Atomics.load(ring, 1)) {
      Atomics.wait(ring, 1, tail); // empty: wait for the producer to put one
    }
    const value = ring[2 + (head % size)]!;
    Atomics.store(ring, 0, head + 1);
    Atomics.notify(ring, 0);
    if (firstAt < 0) firstAt = now();
    if (value === -1) return { sum, ms: now() - firstAt };
    sum += value;
  }
}, ring);

const viaRing = await ringConsumer.join();
await ringProducer.join();
console.log(`ring buffer: sum ${viaRing.sum}, ${((viaRing.ms * 1000) / COUNT).toFixed(2)} µs per item`);

// The same numbers through a Channel, which copies each value (structured clone) under a lock.
const channel = new Channel<number>(1024, "numbers");
const channelProducer = spawn(async (channel: Channel<number>, count: number) => {
  for (let i = 0; i < count; i++) await channel.send(i);
  channel.close();
}, channel, COUNT);
const channelConsumer = spawn(async (channel: Channel<number>) => {
  let sum = 0;
  let firstAt = -1;
  for await (const value of channel) {
    if (firstAt < 0) firstAt = now();
    sum += value;
  }
  return { sum, ms: now() - firstAt };
}, channel);
const viaChannel = await channelConsumer.join();
await channelProducer.join();
console.log(`channel:     sum ${viaChannel.sum}, ${((viaChannel.ms * 1000) / COUNT).toFixed(2)} µs per item`);
