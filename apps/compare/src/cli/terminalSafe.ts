/** ESC sequences (CSI `ESC [ … letter`, OSC `ESC ] … BEL|ESC \`, two-byte `ESC x`), then any other control character. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?/g;
/** C0 controls but tab and newline, DEL, and the C1 controls (which some terminals obey as ESC sequences). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text as a terminal may show it: escape sequences (colours, OSC titles and hyperlinks, cursor moves)
 * removed, other control characters (BEL, carriage return, …) shown as `�`; newlines and tabs kept
 * unless `oneLine`, which shows them as `�` too (for a label inside a line). What users wrote (labels,
 * names) and what files held reach the terminal only through this.
 *
 * @example
 * ```ts
 * terminalSafe('cDNI\u001b]0;pwned\u0007 (labels)'); // "cDNI (labels)"
 * ```
 */
export function terminalSafe(text: string, { oneLine = false }: { readonly oneLine?: boolean } = {}): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(oneLine ? CONTROL_IN_LINE : CONTROL, '\ufffd');
}
