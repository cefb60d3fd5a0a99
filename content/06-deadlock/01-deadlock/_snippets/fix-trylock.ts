import { spawn, Mutex, sleepSync } from "racecourse";

const accountA = new Mutex("A");
const accountB = new Mutex("B");
const ready = new Int32Array(new SharedArrayBuffer(4));

function transfer(from: Mutex, to: Mutex, label: string, ready: Int32Array) {
  // Keep the bad timing: both transfers start at the same moment.
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
  while (Atomics.load(ready, 0) < 2) Atomics.wait(ready, 0, 1);

  for (let attempt = 1; ; attempt++) {
    from.lock();
    sleepSync(200); // a long pause between the locks: a wide window
    // The fix: never wait for the second lock while holding the first.
    if (to.tryLock()) {
      console.log(`${label}: got both locks on attempt ${attempt}`);
      to.unlock();
      from.unlock();
      return attempt;
    }
    from.unlock(); // give back what you hold…
    console.log(`${label}: ${to.name} is taken, backing off`);
    sleepSync(20 + Math.random() * 80); // …and wait a random while
  }
}

const first = spawn(transfer, accountA, accountB, "A→B", ready);
const second = spawn(transfer, accountB, accountA, "B→A", ready);
const attempts = await Promise.all([first.join(), second.join()]);
console.log(`both transfers done, in ${attempts[0] + attempts[1]} attempts`);
