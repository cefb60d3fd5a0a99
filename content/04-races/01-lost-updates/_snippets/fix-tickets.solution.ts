import { sleep } from "racecourse";

let seatsLeft = 5;
let sold = 0;

async function buy() {
  await sleep(Math.random() * 20); // the buyer clicks "Buy"
  if (seatsLeft > 0) {
    seatsLeft -= 1; // act at once: no await between check and act
    await sleep(5); // charge the card (if it failed: seatsLeft += 1)
    sold += 1;
  }
}

await Promise.all(Array.from({ length: 20 }, () => buy()));
console.log(`sold ${sold} tickets for 5 seats`);
