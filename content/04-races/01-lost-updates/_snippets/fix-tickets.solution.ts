import { sleep } from "racecourse";

let seatsLeft = 5;
let sold = 0;

async function buy(): Promise<void> {
  await sleep(Math.random() * 20); // the buyer clicks "Buy"
  if (seatsLeft > 0) {
    seatsLeft -= 1; // check and act with no await between: nobody can slip in
    await sleep(5); // charge the card (a failed payment would give the seat back)
    sold += 1;
  }
}

await Promise.all(Array.from({ length: 20 }, () => buy()));
console.log(`sold ${sold} tickets for 5 seats`);
