// What the params round-trip test runs with node, after compiling it with a generated module
// (errors.ts) of the test's own catalogue, whose TOO_MANY_ITEMS message interpolates `max` and
// `given`. It prints one JSON value on stdout.
//
//   node params.js BODIES   BODIES: JSON texts (envelopes or problem documents); prints, for
//                           each, the key knownError gives, paramsOf(body), and the sentence a
//                           front end renders from knownParams (or null when it cannot)
import { isErrorEnvelope, isProblemDocument, knownError, knownParams, paramsOf } from "./errors";

declare const process: { readonly argv: readonly string[] };

/** A front end's own wording of TOO_MANY_ITEMS, typed by its parameters. */
function render(params: { readonly max: string; readonly given: string }): string {
  return `Höchstens ${params.max} Artikel, nicht ${params.given}`;
}

const results = process.argv.slice(2).map((text) => {
  const body: unknown = JSON.parse(text);
  if (!isErrorEnvelope(body) && !isProblemDocument(body)) {
    return null;
  }
  const known = knownError(body);
  if (known?.key !== "TOO_MANY_ITEMS") {
    return { key: known?.key ?? null, params: paramsOf(body), rendered: null };
  }
  const params = knownParams(known.key, body);
  return { key: known.key, params: paramsOf(body), rendered: params === undefined ? null : render(params) };
});
console.log(JSON.stringify(results));
