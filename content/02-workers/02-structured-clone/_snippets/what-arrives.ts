import { spawn } from "racecourse";

class Point {
  constructor(public x: number, public y: number) {}
  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

const loop: { name: string; self?: unknown } = { name: "loop" };
loop.self = loop; // an object that contains itself

const parcel = {
  when: new Date(Date.UTC(2024, 0, 31)), // midnight UTC, whatever your time zone
  tags: new Set(["a", "b"]),
  ages: new Map([["ann", 31]]),
  bytes: new Uint8Array([1, 2, 3]),
  pattern: /ab+c/i,
  point: new Point(3, 4),
  loop,
};

// The task describes what it received, in its own worker.
const report = await spawn((p: typeof parcel) => {
  const kind = (v: unknown) => (v as object).constructor.name;
  return [
    `when    → ${kind(p.when)} ${p.when.toISOString().slice(0, 10)}`,
    `tags    → ${kind(p.tags)} of ${p.tags.size}`,
    `ages    → ${kind(p.ages)} ann=${p.ages.get("ann")}`,
    `bytes   → ${kind(p.bytes)} [${p.bytes.join(", ")}]`,
    `pattern → ${kind(p.pattern)} ${p.pattern.test("ABBC")}`,
    `point   → ${kind(p.point)}, method length: ${typeof p.point.length}`,
    `loop    → still loops? ${p.loop.self === p.loop}`,
  ];
}, parcel).join();

for (const line of report) console.log(line);
