// How many streams of instructions this machine can run at the same instant.
const logical = navigator.hardwareConcurrency;
console.log(`This browser reports ${logical} logical cores.`);
