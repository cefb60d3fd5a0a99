import { busy } from "racecourse";

busy(500); // compute for 500 ms, nothing else
console.log("done: 500 ms computing");
