import { spawn, busy } from "racecourse";

// Three jobs in three workers. Job 2 throws an error halfway through.
function job(id: number): string {
  busy(150);
  if (id === 2) throw new Error(`job ${id} hit bad data`);
  busy(150);
  return `job ${id} finished`;
}

const tasks = [1, 2, 3].map((id) => spawn(job, id));
const outcomes = await Promise.allSettled(tasks.map((t) => t.join()));

outcomes.forEach((outcome, i) => {
  const name = tasks[i]!.name;
  if (outcome.status === "fulfilled") {
    console.log(`${name}: ${outcome.value}`);
  } else {
    console.log(`${name}: failed: ${(outcome.reason as Error).message}`);
  }
});
