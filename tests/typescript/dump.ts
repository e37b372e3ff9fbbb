// Prints the generated module's ERRORS as JSON, for any catalogue: the typescript integration
// test compares it with the Rust catalogue, string for string.
import { ERRORS } from "./errors";

console.log(JSON.stringify(ERRORS));
