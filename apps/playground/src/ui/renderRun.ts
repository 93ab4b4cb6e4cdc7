import type { PlaygroundState } from '../state/stateProperties.js';
import type { SessionReport } from '../worker/TrainingSession.js';
import { escape } from './settingsForm.js';

/** The network drawn layer by layer, each decoupled layer with its generator, what it sees and its alignment. */
export function renderNetwork(section: HTMLElement, state: PlaygroundState, usesGenerators: boolean, report: SessionReport): void {
  const widths = [2 * state.bits, ...state.hidden, state.bits];
  const sees = state.generatorInput.join(' + ');
  section.innerHTML = `<h2>Network</h2><ol class="layers">${widths
    .map((units, i) => {
      if (i === 0) return `<li class="layer">input: ${units} digits (a, b)</li>`;
      const last = i === widths.length - 1;
      const cosine = report.alignment?.find((a) => a.layer === i - 1)?.cosine;
      const generator =
        usesGenerators && !last
          ? `<span class="generator">generator M<sub>${i}</sub> sees ${escape(sees)}${cosine === undefined ? '' : `; cos(ĝ, g) = ${cosine.toFixed(3)}`}</span>`
          : last ? '<span class="generator">true gradient of the loss</span>' : '';
      return `<li class="layer">layer ${i}: ${units} units, ${escape(last ? 'sigmoid' : state.activation)} ${generator}</li>`;
    })
    .join('')}</ol>`;
}

/** A few held-out sums with the network's answer, each wrong bit marked. */
export function renderSums(section: HTMLElement, report: SessionReport): void {
  section.innerHTML = `<h2>Held-out sums</h2><table><thead><tr><th>a + b</th><th>true</th><th>network</th></tr></thead><tbody>${report.sums
    .map(({ a, b, expected, answer }) => {
      const bits = [...answer].map((bit, i) => (bit === expected[i] ? bit : `<mark>${bit}</mark>`)).join('');
      return `<tr><td>${a} + ${b}</td><td><code>${expected}</code></td><td><code>${bits}</code></td></tr>`;
    })
    .join('')}</tbody></table>`;
}
