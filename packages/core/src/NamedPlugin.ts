/** Anything registered by name so that configurations and suites can name it as a string. */
export interface NamedPlugin {
  /** Unique within its kind, kebab-case: `"layer-output"`, `"binary-addition"`. */
  readonly name: string;
  /** One line for `synthgrad list` and error messages. */
  readonly description: string;
}
