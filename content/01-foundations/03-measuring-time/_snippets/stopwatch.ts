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

const sorted = [...times].sort((a, b) => a - b);
console.log(`each run: ${times.map((ms) => ms.toFixed(1)).join(", ")} ms`);
console.log(`fastest ${sorted[0]?.toFixed(1)} ms, median ${sorted[3]?.toFixed(1)} ms, slowest ${sorted[6]?.toFixed(1)} ms`);
