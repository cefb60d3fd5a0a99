import { Pool, sleep } from "racecourse";

const files = [
  { name: "video.mp4", ms: 1500 },
  { name: "notes.txt", ms: 50 },
  { name: "photo.jpg", ms: 150 },
  { name: "song.mp3", ms: 200 },
  { name: "report.pdf", ms: 250 },
  { name: "data.csv", ms: 100 },
  { name: "slides.key", ms: 300 },
  { name: "readme.md", ms: 200 },
];

async function download(file: { name: string; ms: number }) {
  await sleep(file.ms); // waiting on the network
  return file.name;
}

const pool = new Pool(4);
let done = 0;
const names = await pool.map(download, files);
for (const name of names) {
  done++;
  console.log(`${done}/${files.length} done: ${name}`);
}
await pool.close();
