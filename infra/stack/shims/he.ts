/**
 * Stands in for the `he` package inside Lambda bundles. mailparser calls only `he.encode`, and only
 * to build the HTML views we never read (textAsHtml, address `html`), yet `he` brings ~85 KiB of
 * entity tables. This escapes every character that is special in HTML text or attribute values;
 * other characters stay as they are, which UTF-8 HTML allows.
 */
const SPECIAL = /[&<>"'`=]/g;

export function encode(text: string, _options?: unknown): string {
  return String(text).replace(SPECIAL, (character) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`);
}

export default { encode, escape: encode };
