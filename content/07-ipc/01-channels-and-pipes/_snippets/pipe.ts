import { spawn, now } from "racecourse";

// A pipe with two ends (Python: parent_end, child_end = multiprocessing.Pipe()).
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
child.postMessage(theirs, [theirs]); // transfer the end: it moves, it is not copied

// Send a word and wait for the answer, 1000 times.
const ask = (word: string) =>
  new Promise<string>((resolve) => {
    mine.onmessage = (event: MessageEvent<string>) => resolve(event.data);
    mine.postMessage(word);
  });
console.log(await ask("ping"));
const start = now();
for (let i = 0; i < 1000; i++) await ask("ping");
const each = (now() - start) / 1000;
console.log(`one round trip through the pipe: ${(each * 1000).toFixed(0)} µs on average`);
mine.postMessage("bye");
await child.join();
