import { spawn, Channel, now } from "racecourse";

const COUNT = 100_000;

// A ring buffer in shared memory (Python: multiprocessing.shared_memory).
// ring[0]: items taken so far (head); ring[1]: items put so far (tail);
// ring[2…]: 1024 slots. Only numbers ≥ 0 are sent; -1 means "no more".
const ring = new Int32Array(new SharedArrayBuffer(4 * (2 + 1024)));

const ringProducer = spawn(
  (ring: Int32Array, count: number) => {
    const size = ring.length - 2;
    const put = (value: number) => {
      const tail = Atomics.load(ring, 1);
      let head = Atomics.load(ring, 0);
      while (tail - head === size) {
        Atomics.wait(ring, 0, head); // full: wait for the consumer
        head = Atomics.load(ring, 0);
      }
      ring[2 + (tail % size)] = value;
      Atomics.store(ring, 1, tail + 1);
      Atomics.notify(ring, 1);
    };
    for (let i = 0; i < count; i++) put(i);
    put(-1);
  },
  ring,
  COUNT,
);

const ringConsumer = spawn((ring: Int32Array) => {
  const size = ring.length - 2;
  let sum = 0;
  let firstAt = -1; // when the first item arrived: start-up is not counted
  for (;;) {
    const head = Atomics.load(ring, 0);
    let tail = Atomics.load(ring, 1);
    while (tail === head) {
      Atomics.wait(ring, 1, tail); // empty: wait for the producer
      tail = Atomics.load(ring, 1);
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
const ringCost = ((viaRing.ms * 1000) / COUNT).toFixed(2);
console.log(`ring buffer: sum ${viaRing.sum}, ${ringCost} µs per item`);

// The same numbers through a Channel: each value is copied, under a lock.
const channel = new Channel<number>(1024, "numbers");
const channelProducer = spawn(
  async (channel: Channel<number>, count: number) => {
    for (let i = 0; i < count; i++) await channel.send(i);
    channel.close();
  },
  channel,
  COUNT,
);
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
const channelCost = ((viaChannel.ms * 1000) / COUNT).toFixed(2);
console.log(`channel:     sum ${viaChannel.sum}, ${channelCost} µs per item`);
