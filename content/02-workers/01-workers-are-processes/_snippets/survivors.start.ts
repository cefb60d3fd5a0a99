import { spawn, busy } from "racecourse";

// Four files to parse, one worker each. One file is corrupt.
const files = ["jan.csv", "feb.csv", "mar-corrupt.csv", "apr.csv"];

function parse(file: string): number {
  busy(100); // reading and parsing takes a while
  if (file.includes("corrupt")) {
    throw new Error(`${file}: unexpected end of data`);
  }
  return 40; // rows in the file
}

const tasks = files.map((file) => spawn(parse, file));
const rows = await Promise.all(tasks.map((task) => task.join()));

const total = rows.reduce((sum, n) => sum + n, 0);
const parsed = `${rows.length} of ${files.length} files parsed`;
console.log(`${parsed}, ${total} rows`);
