import { spawn, exploring } from "racecourse";

// The best score of all, in one shared cell. Two players post scores:
// player 1 the odd ones 1, 3, 5, …, player 2 the even ones 2, 4, 6, …
const best = new Int32Array(new SharedArrayBuffer(4));
const SCORES = exploring ? 1 : 100_000; // 1 each when every interleaving is explored

function player(best: Int32Array, first: number, scores: number) {
  for (let i = 0; i < scores; i++) {
    const score = first + 2 * i;
    let seen = Atomics.load(best, 0);
    while (score > seen) {
      // Store the score only if the best is still the one we compared with.
      const was = Atomics.compareExchange(best, 0, seen, score);
      if (was === seen) break; // it was: ours is in
      seen = was; // a score came in meanwhile: compare with that one
    }
  }
}

const players = [spawn(player, best, 1, SCORES), spawn(player, best, 2, SCORES)];
await Promise.all(players.map((p) => p.join()));
console.log(`best = ${best[0]}`);
