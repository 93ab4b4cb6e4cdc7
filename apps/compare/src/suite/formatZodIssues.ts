import { didYouMean } from 'synthgrad';
import type { z } from 'zod';
import { describeValue } from '../describeValue.js';
import { jsonPath, valueAt } from './jsonPath.js';

type Issue = z.core.$ZodIssue;

/**
 * One line per schema issue, naming the JSON path, the value found and what was expected:
 * `runs[1].network.learningRate: expected a number or a string, got true`.
 */
export function formatZodIssues(issues: readonly Issue[], data: unknown, schema: z.ZodType): string[] {
  return issues.flatMap((issue) => formatIssue(issue, [], data, schema));
}

function formatIssue(issue: Issue, prefix: readonly PropertyKey[], data: unknown, schema: z.ZodType): string[] {
  const path = [...prefix, ...issue.path];
  const got = describeValue(valueAt(data, path));
  switch (issue.code) {
    case 'invalid_type':
      return [`${jsonPath(path)}: expected ${article(issue.expected)}, got ${got}`];
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      const expected = known ? `; expected only ${known.map((k) => `"${k}"`).join(', ')}` : '';
      return issue.keys.map((key) => `${jsonPath([...path, key])}: unknown key "${key}"${expected}${known ? didYouMean(key, known) : ''}`);
    }
    case 'invalid_union': {
      // A branch that failed deeper than its root type is the one the author meant: report its issues.
      const deeper = issue.errors.find((branch) => branch.some((i) => i.code !== 'invalid_type' || i.path.length > 0));
      if (deeper) return deeper.flatMap((inner) => formatIssue(inner, path, data, schema));
      const expected = issue.errors.flatMap((branch) => branch.map((i) => (i.code === 'invalid_type' ? i.expected : '?')));
      return [`${jsonPath(path)}: expected ${[...new Set(expected)].map(article).join(' or ')}, got ${got}`];
    }
    case 'invalid_key': {
      // A record's key (a size's name) failed its own schema: name the key, not the value under it.
      const why = issue.issues.map((inner) => lowerFirst(inner.message)).join('; ');
      return [`${jsonPath(path)}: ${why}, got the name ${JSON.stringify(String(path[path.length - 1]))}`];
    }
    case 'custom':
      // A message that names the value itself (a layer kind's): as it is.
      if ((issue.params as { verbatim?: boolean } | undefined)?.verbatim) return [`${jsonPath(path)}: ${issue.message}`];
      return [`${jsonPath(path)}: ${lowerFirst(issue.message)}, got ${got}`];
    default:
      return [`${jsonPath(path)}: ${lowerFirst(issue.message)}, got ${got}`];
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(message: string): string {
  return message.replace(/^(Too small|Too big|Invalid \w+): /, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

/** The keys the schema allows at `path` (best effort: undefined when the schema cannot be followed there). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let node: unknown = schema;
  for (const key of [...path, undefined]) {
    node = unwrap(node);
    if (key === undefined) break;
    const def = defOf(node);
    if (def?.type === 'object') node = (def.shape as Record<string, unknown>)[String(key)];
    else if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else if (def?.type === 'union') node = (def.options as unknown[]).find((option) => defOf(unwrap(option))?.type === 'object');
    else return undefined;
  }
  let def = defOf(node);
  if (def?.type === 'union') def = defOf((def.options as unknown[]).map(unwrap).find((o) => defOf(o)?.type === 'object'));
  return def?.type === 'object' ? Object.keys(def.shape as object) : undefined;
}

function unwrap(node: unknown): unknown {
  let def = defOf(node);
  while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')) {
    node = def.innerType;
    def = defOf(node);
  }
  return node;
}

function defOf(node: unknown): Record<string, unknown> & { type?: string } | undefined {
  return (node as { _zod?: { def?: Record<string, unknown> & { type?: string } } } | undefined)?._zod?.def;
}
