import { sleep } from "racecourse";

// One worker, no threads, no shared memory: 5 seats, 20 buyers.
let seatsLeft = 5;
let sold = 0;

async function buy(buyer: number) {
  await sleep(Math.random() * 20); // the buyer clicks "Buy" at some point
  if (seatsLeft > 0) {
    // check: a seat is free…
    await sleep(5); // …charge the card (waiting for the bank)…
    seatsLeft -= 1; // …act: take the seat
    sold += 1;
    console.log(`buyer ${buyer} got a seat (${seatsLeft} left)`);
  }
}

await Promise.all(Array.from({ length: 20 }, (_, buyer) => buy(buyer)));
console.log(`sold ${sold} tickets for 5 seats`);
