// The floors of one manifest size in a fresh process (so the bench process's own heap and
// collector stay out of the server run that follows), printed as one JSON line:
//   node floor-once.mjs N DEFINITIONS_JSON ITERATIONS
import fs from 'node:fs';
import { measureFloors } from './floors.mjs';
import { generate } from './k8s-gen.mjs';

const [n, defsFile, iterations] = process.argv.slice(2);
const floors = measureFloors(
  generate(Number(n)),
  fs.readFileSync(defsFile, 'utf8'),
  Number(iterations),
);
console.log(JSON.stringify(floors));
