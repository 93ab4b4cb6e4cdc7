import { FormatError } from './FormatError.js';

/** A value of the Python literal subset a `.npy` header uses. */
export type PythonLiteral = string | number | boolean | null | readonly PythonLiteral[] | PythonDict;
/** A dict literal: keys are strings here. */
export interface PythonDict {
  readonly [key: string]: PythonLiteral;
}

/**
 * Parses `text` as one Python literal of the subset `numpy.save` writes in a `.npy` header: dicts
 * with string keys, tuples, single- or double-quoted strings, `True`, `False`, `None` and decimal
 * integers (optionally negative), trailing commas allowed, whitespace around. Anything else (a
 * hexadecimal number, a lone comma in a tuple, text after the literal) throws a {@link FormatError}
 * naming the position, prefixed by `where`.
 *
 * @example
 * ```ts
 * parsePythonLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", 'fromNpy');
 * // → { descr: '<f8', fortran_order: false, shape: [2, 3] }
 * ```
 */
export function parsePythonLiteral(text: string, where: string): PythonLiteral {
  let pos = 0;
  const fail = (message: string): never => {
    throw new FormatError(`${where}: malformed header at character ${pos}: ${message} in ${JSON.stringify(text.trim())}`);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[pos] !== char) fail(`expected "${char}", found ${found()}`);
    pos++;
  };
  const found = () => (pos < text.length ? JSON.stringify(text[pos]) : 'the end');

  const parseString = (): string => {
    const quote = text[pos++];
    let out = '';
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === '\\') {
        const next = text[pos + 1];
        if (next === undefined) break;
        const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', '0': '\0' };
        if (!(next in simple)) fail(`unsupported escape \\${next}`);
        out += simple[next];
        pos += 2;
      } else {
        if (text[pos] === '\n') fail('newline inside a string');
        out += text[pos++];
      }
    }
    if (pos >= text.length) fail('unterminated string');
    pos++;
    return out;
  };

  /** Items up to `close`; returns the number of commas read. */
  const parseSequence = (close: string, item: () => void): number => {
    let commas = 0;
    for (;;) {
      skipSpace();
      if (text[pos] === close) {
        pos++;
        return commas;
      }
      item();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        commas++;
      }
      else if (text[pos] !== close) fail(`expected "," or "${close}", found ${found()}`);
    }
  };

  const parseValue = (): PythonLiteral => {
    skipSpace();
    const c = text[pos];
    if (c === "'" || c === '"') return parseString();
    if (c === '{') {
      pos++;
      const dict: Record<string, PythonLiteral> = {};
      parseSequence('}', () => {
        skipSpace();
        if (text[pos] !== "'" && text[pos] !== '"') fail(`expected a quoted key, found ${found()}`);
        const key = parseString();
        if (Object.hasOwn(dict, key)) fail(`key ${JSON.stringify(key)} appears twice`);
        expect(':');
        dict[key] = parseValue();
      });
      return dict;
    }
    if (c === '(') {
      pos++;
      const items: PythonLiteral[] = [];
      const commas = parseSequence(')', () => items.push(parseValue()));
      // Python: "(3)" is the integer 3, "(3,)" a 1-tuple; only the tuple is a shape.
      if (items.length === 1 && commas === 0) return items[0];
      return items;
    }
    const word = /^(?:-?(?:0|[1-9][0-9]*)(?![0-9A-Za-z_.])|True\b|False\b|None\b)/.exec(text.slice(pos))?.[0];
    if (word === undefined) return fail(`expected a value, found ${found()}`);
    pos += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    return Number(word);
  };

  const value = parseValue();
  skipSpace();
  if (pos < text.length) fail(`unexpected ${found()} after the literal`);
  return value;
}
