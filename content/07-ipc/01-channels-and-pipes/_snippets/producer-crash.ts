import { spawn, Channel, sleep } from "racecourse";

// Three producers each send 4 results, then -1 to say "I am finished".
// Main reads results until it has seen one -1 per producer.
const results = new Channel<number>(10, "results");

async function producer(id: number, results: Channel<number>): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    await sleep(20);
    // Producer 2 crashes on its third item.
    if (id === 2 && i === 3) throw new Error("bad input in item 3");
    await results.send(id * 100 + i);
  }
  await results.send(-1); // never reached by producer 2
}

const producers = [1, 2, 3].map((id) => spawn(producer, id, results));
let finished = 0;
const got: number[] = [];
while (finished < producers.length) {
  const value = await results.recv(); // waits for a -1 that will never come
  if (value === -1) finished++;
  else if (value !== undefined) got.push(value);
}
console.log(`got ${got.length} results`); // never printed
