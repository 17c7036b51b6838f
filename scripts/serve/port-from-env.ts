/** A TCP port from the environment variable `name`, or `fallback` when it is unset or empty. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return value;
}
