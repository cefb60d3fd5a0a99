import { sleep } from "racecourse";

await sleep(500); // wait for 500 ms, nothing else
console.log("done: 500 ms waiting");
