// What the typescript integration test runs with node, after compiling it with the generated
// module (errors.ts) and handling.ts. Every mode prints one JSON value on stdout.
//
//   node main.js fetch BASE_URL REQUESTS  REQUESTS: [{"method","path","body"?}]; prints the
//                                         branch handle() takes for each answer
//   node main.js shape BODIES             BODIES: JSON texts; prints, for each, whether it is an
//                                         envelope and the key knownError gives (or null)
//   node main.js violations BODIES        BODIES: JSON texts; prints, for each envelope, its
//                                         violations as [in, field, reason, message] (or null)
//   node main.js trade CODES              CODES: strings; prints knownTradeFailure of each
//   node main.js dump                     prints ERRORS and TRADE_FAILURE_CODES
import {
  ERRORS,
  TRADE_FAILURE_CODES,
  isErrorEnvelope,
  knownError,
  knownTradeFailure,
  violations,
} from "./errors";
import { handle } from "./handling";

// Only what this script uses of node's globals, so it needs no @types/node.
declare const process: { readonly argv: readonly string[]; exitCode?: number };

interface TestRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
}

async function fetchBranches(baseUrl: string, requests: readonly TestRequest[]): Promise<string[]> {
  const branches: string[] = [];
  for (const request of requests) {
    const init: RequestInit =
      request.body === undefined
        ? { method: request.method }
        : {
            method: request.method,
            headers: { "Content-Type": "application/json" },
            body: request.body,
          };
    const response = await fetch(baseUrl + request.path, init);
    branches.push(handle(response.status, await response.text()));
  }
  return branches;
}

function shapes(bodies: readonly string[]): { envelope: boolean; known: string | null }[] {
  return bodies.map((text) => {
    const body: unknown = JSON.parse(text);
    if (!isErrorEnvelope(body)) {
      return { envelope: false, known: null };
    }
    return { envelope: true, known: knownError(body)?.key ?? null };
  });
}

function violationLists(bodies: readonly string[]): (string[][] | null)[] {
  return bodies.map((text) => {
    const body: unknown = JSON.parse(text);
    if (!isErrorEnvelope(body)) {
      return null;
    }
    return violations(body).map((violation) => [
      violation.in,
      violation.field,
      violation.reason,
      violation.message,
    ]);
  });
}

async function main(argv: readonly string[]): Promise<unknown> {
  const [mode, first, second] = argv;
  switch (mode) {
    case "fetch":
      return fetchBranches(first ?? "", JSON.parse(second ?? "[]") as TestRequest[]);
    case "shape":
      return shapes(JSON.parse(first ?? "[]") as string[]);
    case "violations":
      return violationLists(JSON.parse(first ?? "[]") as string[]);
    case "trade":
      return (JSON.parse(first ?? "[]") as string[]).map((code) => knownTradeFailure(code) ?? null);
    case "dump":
      return { errors: ERRORS, tradeFailureCodes: TRADE_FAILURE_CODES };
    default:
      throw new Error(`unknown mode ${String(mode)}`);
  }
}

main(process.argv.slice(2)).then(
  (output) => console.log(JSON.stringify(output)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
