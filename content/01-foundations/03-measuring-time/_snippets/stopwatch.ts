import { now } from "racecourse";

function spin(steps: number): number {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  return x;
}

// Time the very same job seven times.
const times: number[] = [];
for (let run = 1; run <= 7; run++) {
  const start = now();
  spin(5_000_000);
  times.push(now() - start);
}

const ms = (t: number | undefined) => `${t?.toFixed(1)} ms`;
const sorted = [...times].sort((a, b) => a - b);
console.log(`each run: ${times.map(ms).join(", ")}`);
console.log(`fastest ${ms(sorted[0])}, median ${ms(sorted[3])}`);
console.log(`slowest ${ms(sorted[6])}`);
