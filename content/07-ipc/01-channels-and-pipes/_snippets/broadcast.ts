import { spawn } from "racecourse";

// One sender; every listener gets a copy. The name is the address; a random
// suffix keeps two runs from hearing each other.
const station = `news-${Math.random()}`;

function listener(station: string): Promise<string[]> {
  const radio = new BroadcastChannel(station);
  const heard: string[] = [];
  return new Promise((resolve) => {
    radio.onmessage = (event: MessageEvent<string>) => {
      if (event.data === "that's all") {
        radio.close();
        resolve(heard);
      } else {
        heard.push(event.data);
      }
    };
    postMessage("tuned in"); // tell main we listen before it starts talking
  });
}

const listeners = [1, 2, 3].map(() => spawn(listener, station));
// Wait until all three are tuned in: a broadcast is not kept for latecomers.
await Promise.all(
  listeners.map((l) => new Promise((tunedIn) => (l.onmessage = tunedIn))),
);

const radio = new BroadcastChannel(station);
for (const news of ["rain at noon", "road closed", "sun tomorrow"]) {
  radio.postMessage(news);
}
radio.postMessage("that's all");
radio.close();

for (const l of listeners) {
  console.log(`${l.name} heard: ${(await l.join()).join(", ")}`);
}
