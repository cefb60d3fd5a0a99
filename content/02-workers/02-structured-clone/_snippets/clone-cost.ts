import { spawn, now } from "racecourse";

// A task that answers every message with the size of what it received.
const echo = spawn(() => {
  onmessage = (event: MessageEvent) => {
    const data = event.data as ArrayBuffer | unknown[];
    postMessage(data instanceof ArrayBuffer ? data.byteLength : data.length);
  };
  return new Promise<void>(() => {}); // never settles: the task just keeps listening
});

function reply(): Promise<number> {
  return new Promise((resolve) => (echo.onmessage = (e: MessageEvent) => resolve(e.data as number)));
}

async function timeSend(label: string, value: unknown, transfer: Transferable[] = []): Promise<void> {
  const start = now();
  echo.postMessage(value, transfer); // the copy is made here, before postMessage returns
  const sent = now();
  const size = await reply();
  const done = now();
  const ms = (t: number) => t.toFixed(1).padStart(6);
  console.log(`${label.padEnd(32)} ${ms(sent - start)} ms sending, ${ms(done - start)} ms to the reply (${size.toLocaleString("en")})`);
}

const MB = 1024 * 1024;
await timeSend("1 byte (first message)", new ArrayBuffer(1));
await timeSend("16 MB ArrayBuffer, copied", new ArrayBuffer(16 * MB));

const moving = new ArrayBuffer(16 * MB);
await timeSend("16 MB ArrayBuffer, transferred", moving, [moving]);
console.log(`after the transfer, main's buffer holds ${moving.byteLength} bytes`);

const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `row ${i}`, even: i % 2 === 0 }));
await timeSend("100,000 small objects, copied", rows);
echo.terminate();
