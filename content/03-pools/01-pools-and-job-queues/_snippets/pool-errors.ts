import { Pool } from "racecourse";

function parse(text: string) {
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

const pool = new Pool(2);
const inputs = ["1", "2", "three", "4"];

// map: one failing call rejects the whole map.
try {
  await pool.map(parse, inputs);
} catch (error) {
  console.log(`map failed: ${(error as Error).message}`);
}

// submit: each call succeeds or fails on its own.
const outcomes = await Promise.allSettled(
  inputs.map((text) => pool.submit(parse, text)),
);
outcomes.forEach((outcome, i) => {
  if (outcome.status === "fulfilled") {
    console.log(`${inputs[i]} → ${outcome.value}`);
  } else {
    const error = outcome.reason as Error;
    console.log(`${inputs[i]} → error: ${error.message}`);
  }
});

// The pool survived both failures and takes more work.
console.log(`still working: ${await pool.submit(parse, "42")}`);
await pool.close();
