import { spawn, now } from "racecourse";

// A pipe with two ends. Python: parent_end, child_end = Pipe()
const { port1: mine, port2: theirs } = new MessageChannel();

const child = spawn(async () => {
  // The child's end arrives as the first message; then it answers on it.
  const end = await new Promise<MessagePort>((resolve) => {
    onmessage = (event: MessageEvent<MessagePort>) => resolve(event.data);
  });
  await new Promise<void>((finished) => {
    end.onmessage = (event: MessageEvent<string>) => {
      if (event.data === "bye") {
        end.close();
        finished();
      } else {
        end.postMessage(event.data.toUpperCase());
      }
    };
  });
});
// Transfer the end: it moves to the child, it is not copied.
child.postMessage(theirs, [theirs]);

// Send a word and wait for the answer.
const ask = (word: string) =>
  new Promise<string>((resolve) => {
    mine.onmessage = (event: MessageEvent<string>) => resolve(event.data);
    mine.postMessage(word);
  });
console.log(await ask("ping"));
const start = now();
for (let i = 0; i < 1000; i++) await ask("ping");
const totalMs = now() - start; // for 1000 trips, total ms = µs per trip
console.log(`one round trip through the pipe: ${totalMs.toFixed(0)} µs`);
mine.postMessage("bye");
await child.join();
