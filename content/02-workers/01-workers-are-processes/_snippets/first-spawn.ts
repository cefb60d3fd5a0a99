import { spawn, busy } from "racecourse";

// This will run in a new worker, with 1 and 50_000_000 as its arguments.
function sumRange(from: number, to: number): number {
  let total = 0;
  for (let n = from; n <= to; n++) total += n;
  console.log(`summed ${from}..${to}`);
  busy(200); // 200 ms more of pretend work, to see on the timeline
  return total;
}

// Python: p = Process(target=sum_range, args=(1, 50_000_000)); p.start()
const task = spawn(sumRange, 1, 50_000_000);
console.log(`started ${task.name}; main carries on meanwhile`);

// Python: p.join(), except that here join() also hands back the result
const total = await task.join();
console.log(`${task.name} returned ${total}`);
