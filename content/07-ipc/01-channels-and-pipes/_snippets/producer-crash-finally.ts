import { spawn, Channel, sleep } from "racecourse";

const results = new Channel<number>(10, "results");

async function producer(id: number, results: Channel<number>): Promise<void> {
  try {
    for (let i = 1; i <= 4; i++) {
      await sleep(20);
      if (id === 2 && i === 3) throw new Error("bad input in item 3");
      await results.send(id * 100 + i);
    }
  } finally {
    // Sent however the producer ends: normally, or by an error.
    await results.send(-1);
  }
}

const producers = [1, 2, 3].map((id) => spawn(producer, id, results));
let finished = 0;
const got: number[] = [];
while (finished < producers.length) {
  const value = await results.recv();
  if (value === -1) finished++;
  else if (value !== undefined) got.push(value);
}
console.log(`got ${got.length} results: ${got.join(" ")}`);

// A -1 says that a producer has stopped, not that it succeeded:
// ask each one how it ended.
const outcomes = await Promise.allSettled(producers.map((p) => p.join()));
outcomes.forEach((outcome, i) => {
  const name = producers[i]!.name;
  if (outcome.status === "fulfilled") console.log(`${name}: finished`);
  else console.log(`${name}: crashed (${String(outcome.reason)})`);
});
