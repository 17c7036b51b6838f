/** A positive integer (by default a TCP port) from the environment variable `name`, or `fallback` when unset or empty. */
export function portFromEnv(name: string, fallback: number, max = 65_535): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be ${max === 65_535 ? "a port number" : "an integer"} from 1 to ${max}, got "${raw}"`);
  }
  return value;
}
