import { spawn } from "racecourse";

// The same buyers, with check and act made one step by compareExchange.
const seats = new Int32Array(new SharedArrayBuffer(4));
seats[0] = 1;

function buy(seats: Int32Array) {
  let free = Atomics.load(seats, 0);
  while (free > 0) {
    // Take a seat only if the count is still the one we saw.
    const was = Atomics.compareExchange(seats, 0, free, free - 1);
    if (was === free) return 1; // it was: the seat is ours
    free = was; // someone got there first: look again
  }
  return 0;
}

const buyers = [spawn(buy, seats), spawn(buy, seats)];
const tickets = await Promise.all(buyers.map((buyer) => buyer.join()));
const sold = tickets[0]! + tickets[1]!;
console.log(`tickets sold: ${sold}, seats left: ${seats[0]}`);
