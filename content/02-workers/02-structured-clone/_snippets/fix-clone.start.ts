import { spawn } from "racecourse";

// The numbers 1, 2, …, 100
const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
const label = (sum: number) => `total = ${sum}`;

// Add the numbers up in another worker and print the label.
const task = spawn(() => {
  let sum = 0;
  for (const n of numbers) sum += n;
  return label(sum);
});

console.log(await task.join());
