import { spawn, Semaphore, sleepSync, now, exploring } from "racecourse";

// Six workers want to download; the server takes two at a time.
const connections = new Semaphore(2); // two permits

function download(connections: Semaphore): [number, number] {
  connections.acquire(); // waits while both permits are taken
  const start = now();
  sleepSync(150); // the download: waiting on the network
  const end = now();
  connections.release(); // hand the permit on
  return [start, end];
}

const DOWNLOADS = exploring ? 3 : 6; // 3 when every interleaving is explored
const tasks = Array.from({ length: DOWNLOADS }, () =>
  spawn(download, connections),
);
const times = await Promise.all(tasks.map((task) => task.join()));

// When each download started, how many were in progress?
const atOnce = times.map(
  ([start]) => times.filter(([s, e]) => s <= start && start < e).length,
);
console.log(`most downloads at once: ${Math.max(...atOnce)}`);
