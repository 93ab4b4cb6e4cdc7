import type { SessionReport } from '../worker/TrainingSession.js';

/** A few held-out examples with the network's answer: sums bit by bit (wrong bits marked), or MNIST digits. */
export function renderExamples(section: HTMLElement, report: SessionReport): void {
  if (report.digits.length) {
    section.innerHTML = `<h3>Held-out digits</h3><div class="digits">${report.digits
      .map(({ label, answer }) => `<figure class="digit"><canvas width="28" height="28"></canvas><figcaption>${label} → ${answer === label ? answer : `<mark>${answer}</mark>`}</figcaption></figure>`)
      .join('')}</div>`;
    section.querySelectorAll('canvas').forEach((canvas, i) => {
      const image = new ImageData(28, 28);
      report.digits[i].pixels.forEach((grey, p) => {
        image.data.set([255 - grey, 255 - grey, 255 - grey, 255], 4 * p);
      });
      canvas.getContext('2d')?.putImageData(image, 0, 0);
    });
    return;
  }
  section.innerHTML = `<h3>Held-out sums</h3><table><thead><tr><th>a + b</th><th>true</th><th>network</th></tr></thead><tbody>${report.sums
    .map(({ a, b, expected, answer }) => {
      const bits = [...answer].map((bit, i) => (bit === expected[i] ? bit : `<mark>${bit}</mark>`)).join('');
      return `<tr><td>${a} + ${b}</td><td><code>${expected}</code></td><td><code>${bits}</code></td></tr>`;
    })
    .join('')}</tbody></table>`;
}
