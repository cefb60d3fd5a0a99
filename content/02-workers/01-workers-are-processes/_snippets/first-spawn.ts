import { spawn, busy } from "racecourse";

// The function runs in a new worker; 1 and 50_000_000 arrive there as its arguments.
function sumRange(from: number, to: number): number {
  let total = 0;
  for (let n = from; n <= to; n++) total += n;
  console.log(`summed ${from}..${to}`);
  busy(200); // pretend the sum was hard work, so the timeline has something to show
  return total;
}

const task = spawn(sumRange, 1, 50_000_000); // Python: Process(target=sum_range, args=(1, 50_000_000)).start()
console.log(`started ${task.name}; the main worker carries on meanwhile`);

const total = await task.join(); // Python: p.join(), except that join() here also hands back the result
console.log(`${task.name} returned ${total}`);
