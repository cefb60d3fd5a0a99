import { spawn, exploring } from "racecourse";

// The best score of all, in one shared cell. Two players post scores:
// player 1 the odd ones 1, 3, 5, …, player 2 the even ones 2, 4, 6, …
const best = new Int32Array(new SharedArrayBuffer(4));
const SCORES = exploring ? 1 : 100_000; // 1 each when every interleaving is explored

function player(best: Int32Array, first: number, scores: number) {
  for (let i = 0; i < scores; i++) {
    const score = first + 2 * i;
    if (score > Atomics.load(best, 0)) {
      Atomics.store(best, 0, score); // a higher score may have come in meanwhile
    }
  }
}

const players = [spawn(player, best, 1, SCORES), spawn(player, best, 2, SCORES)];
await Promise.all(players.map((p) => p.join()));
console.log(`best = ${best[0]}`);
