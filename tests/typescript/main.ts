// What the typescript integration test runs with node, after compiling it with the generated
// module (errors.ts) and handling.ts. Every mode prints one JSON value on stdout.
//
//   node main.js fetch BASE_URL REQUESTS  REQUESTS: [{"method","path","body"?}]; prints the
//                                         branch handle() takes for each answer
//   node main.js shape BODIES             BODIES: JSON texts; prints, for each, whether it is an
//                                         envelope and the key knownError gives (or null)
//   node main.js problem-shape BODIES     BODIES: JSON texts; prints, for each, whether
//                                         isErrorEnvelope or isProblemDocument accepts it, whether
//                                         isProblemDocument does, and the key knownError gives
//   node main.js violations BODIES        BODIES: JSON texts; prints, for each envelope, its
//                                         violations as [in, field, reason, message] (or null)
//   node main.js problems BASE_URL REQUESTS
//                                         fetches each request with Accept: application/problem+json;
//                                         prints its status, content type and text, whether
//                                         isProblemDocument and isErrorEnvelope accept it, the key
//                                         knownError gives (or null), and its typed errors as
//                                         [pointer, in, parameter, reason, detail] (absent: null)
//   node main.js trade CODES              CODES: strings; prints knownTradeFailure of each
//   node main.js dump                     prints ERRORS and TRADE_FAILURE_CODES
import {
  ERRORS,
  TRADE_FAILURE_CODES,
  isErrorEnvelope,
  isProblemDocument,
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

interface ProblemAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  readonly problem: boolean;
  readonly envelope: boolean;
  readonly known: string | null;
  readonly errors: (string | null)[][] | null;
}

async function fetchProblems(
  baseUrl: string,
  requests: readonly TestRequest[],
): Promise<ProblemAnswer[]> {
  const answers: ProblemAnswer[] = [];
  for (const request of requests) {
    const headers: Record<string, string> = { Accept: "application/problem+json" };
    if (request.body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const init: RequestInit =
      request.body === undefined
        ? { method: request.method, headers }
        : { method: request.method, headers, body: request.body };
    const response = await fetch(baseUrl + request.path, init);
    const text = await response.text();
    const body: unknown = JSON.parse(text);
    const problem = isProblemDocument(body);
    answers.push({
      status: response.status,
      contentType: response.headers.get("content-type"),
      text,
      problem,
      envelope: isErrorEnvelope(body),
      known: problem ? (knownError(body)?.key ?? null) : null,
      // Read through the ProblemDocument type, as a client would.
      errors: problem
        ? (body.errors ?? []).map((error) => [
            error.pointer ?? null,
            error.in ?? null,
            error.parameter ?? null,
            error.reason ?? null,
            error.detail ?? null,
          ])
        : null,
    });
  }
  return answers;
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

function problemShapes(
  bodies: readonly string[],
): { decodes: boolean; problem: boolean; known: string | null }[] {
  return bodies.map((text) => {
    const body: unknown = JSON.parse(text);
    const problem = isProblemDocument(body);
    if (!problem && !isErrorEnvelope(body)) {
      return { decodes: false, problem, known: null };
    }
    return { decodes: true, problem, known: knownError(body)?.key ?? null };
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
    case "problems":
      return fetchProblems(first ?? "", JSON.parse(second ?? "[]") as TestRequest[]);
    case "problem-shape":
      return problemShapes(JSON.parse(first ?? "[]") as string[]);
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
