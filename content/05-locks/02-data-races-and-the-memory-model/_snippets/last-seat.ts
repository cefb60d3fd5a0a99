import { spawn } from "racecourse";

// One seat left, two buyers. Every access is atomic: no data race.
const seats = new Int32Array(new SharedArrayBuffer(4));
seats[0] = 1;

function buy(seats: Int32Array) {
  if (Atomics.load(seats, 0) > 0) { // check: a seat is free…
    Atomics.sub(seats, 0, 1); // …act: take it
    return 1;
  }
  return 0;
}

const buyers = [spawn(buy, seats), spawn(buy, seats)];
const tickets = await Promise.all(buyers.map((buyer) => buyer.join()));
const sold = tickets[0]! + tickets[1]!;
console.log(`tickets sold: ${sold}, seats left: ${seats[0]}`);
