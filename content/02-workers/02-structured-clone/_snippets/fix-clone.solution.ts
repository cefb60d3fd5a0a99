import { spawn } from "racecourse";

// The numbers 1, 2, …, 100
const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
const label = (sum: number) => `total = ${sum}`;

// The data goes in as an argument; the formatting stays in main.
const task = spawn((values: number[]) => {
  let sum = 0;
  for (const n of values) sum += n;
  return sum;
}, numbers);

console.log(label(await task.join()));
