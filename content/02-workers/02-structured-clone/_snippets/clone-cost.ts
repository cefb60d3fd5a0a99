import { spawn, now } from "racecourse";

// A task that answers each message with the size of what it received.
const echo = spawn(() => {
  onmessage = (event: MessageEvent) => {
    const data = event.data as ArrayBuffer | unknown[];
    postMessage(data instanceof ArrayBuffer ? data.byteLength : data.length);
  };
  return new Promise<void>(() => {}); // never settles: keep listening
});

function reply(): Promise<number> {
  return new Promise((resolve) => {
    echo.onmessage = (e: MessageEvent) => resolve(e.data as number);
  });
}

async function send(label: string, value: unknown, move?: ArrayBuffer[]) {
  const start = now();
  echo.postMessage(value, move ?? []); // the copy is made in here
  const sent = now() - start;
  const size = (await reply()).toLocaleString("en");
  const total = (now() - start).toFixed(1);
  console.log(`${label} (${size} received)`);
  console.log(`    ${sent.toFixed(1)} ms sending, ${total} ms to the reply`);
}

const MB = 1024 * 1024;
await send("1 byte, the first message", new ArrayBuffer(1));
await send("16 MB ArrayBuffer, copied", new ArrayBuffer(16 * MB));

const moving = new ArrayBuffer(16 * MB);
await send("16 MB ArrayBuffer, transferred", moving, [moving]);
console.log(`    main's buffer now holds ${moving.byteLength} bytes`);

const rows = Array.from({ length: 200_000 }, (_, id) => ({ id, ok: true }));
await send("200,000 small objects, copied", rows);
echo.terminate();
