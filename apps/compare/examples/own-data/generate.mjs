// Writes train.csv, validation.csv and test.csv: a toy problem of three classes, points (x1, x2)
// drawn around three centres (Gaussian, standard deviation 0.9, so the classes overlap a little).
// Run `node generate.mjs` to rebuild the files; the seed makes them the same every time.
import { writeFileSync } from 'node:fs';

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(2016);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
const centres = [
  [2, 0],
  [-1, 1.732],
  [-1, -1.732],
];

function write(file, rows) {
  const lines = ['x1,x2,label'];
  for (let i = 0; i < rows; i++) {
    const label = Math.floor(next() * centres.length);
    const [cx, cy] = centres[label];
    lines.push(`${(cx + 0.9 * gaussian()).toFixed(4)},${(cy + 0.9 * gaussian()).toFixed(4)},${label}`);
  }
  writeFileSync(new URL(file, import.meta.url), `${lines.join('\n')}\n`);
}

write('train.csv', 300);
write('validation.csv', 100);
write('test.csv', 100);
