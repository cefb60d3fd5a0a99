import { spawn, Channel, sleep } from "racecourse";

const results = new Channel<number>(10, "results");

// The producers no longer send -1 themselves.
async function producer(id: number, results: Channel<number>): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    await sleep(id === 3 ? 1000 : 20); // producer 3 is stuck…
    // …and producer 2 crashes on its third item.
    if (id === 2 && i === 3) throw new Error("bad input in item 3");
    await results.send(id * 100 + i);
  }
}

const producers = [1, 2, 3].map((id) => spawn(producer, id, results));
// Main supervises: when a producer ends, however it ends, main sends
// the -1 for it.
const ends = producers.map((p) =>
  p.join().then(
    () => `${p.name}: finished`,
    (error: Error) => `${p.name}: ended by ${error.name} (${error.message})`,
  ).finally(() => results.send(-1)),
);
// A watchdog: give up on the stuck producer after 300 ms.
setTimeout(() => producers[2]!.terminate(), 300);

let finished = 0;
const got: number[] = [];
while (finished < producers.length) {
  const value = await results.recv();
  if (value === -1) finished++;
  else if (value !== undefined) got.push(value);
}
console.log(`got ${got.length} results: ${got.join(" ")}`);
for (const line of await Promise.all(ends)) console.log(line);
