// The "Handling Errors" switch of the published error page, typed with the generated module
// (written beside this file as errors.ts by the typescript integration test). The case labels
// are the page's; the test holds them to the page's example.
import { isErrorEnvelope, knownError } from "./errors";

/** What the page's client does with one answer: its HTTP status and its body's text. */
export function handle(status: number, text: string): string {
  let result: unknown;
  try {
    result = JSON.parse(text);
  } catch {
    return `not JSON (HTTP ${status})`;
  }
  if (!isErrorEnvelope(result)) {
    return `not an error envelope (HTTP ${status})`;
  }
  switch (knownError(result)?.key) {
    case "PRICE_CHANGED":
      return "refetch inventory and show updated prices";
    case "ITEMS_UNAVAILABLE":
      return "remove unavailable items from selection";
    case "TOO_MANY_ACTIVE_TRADES":
    case "DEPOSIT_IN_PROGRESS":
      return "tell user to wait for current deposit to finish";
    case "MERCHANT_BALANCE_LOW":
      return "withdrawal can't proceed, notify user";
    default:
      return `Trade error: ${result.error.key} (${result.error.code})`;
  }
}
