/** Counts generated contract cases by target and kind, and prints them as a table. */
interface Row {
  cases: number;
  /** Negative cases: refused by the mock. Valid cases: accepted by the mock. */
  mockAgreed: number;
  /** Negative cases the client refused before sending. */
  clientBeforeSending: number;
}

export class CaseTally {
  private readonly negativeRows = new Map<string, Row>();
  private readonly validRows = new Map<string, Row>();

  private row(rows: Map<string, Row>, target: string, kind: string): Row {
    const key = `${target}\t${kind}`;
    const row = rows.get(key) ?? { cases: 0, mockAgreed: 0, clientBeforeSending: 0 };
    rows.set(key, row);
    return row;
  }

  negative(target: string, kind: string, refused: { mock: boolean; clientBeforeSending: boolean }): void {
    const row = this.row(this.negativeRows, target, kind);
    row.cases++;
    if (refused.mock) row.mockAgreed++;
    if (refused.clientBeforeSending) row.clientBeforeSending++;
  }

  valid(target: string, kind: string, accepted: boolean): void {
    const row = this.row(this.validRows, target, kind);
    row.cases++;
    if (accepted) row.mockAgreed++;
  }

  table(): string {
    const lines: string[] = [];
    const section = (title: string, rows: Map<string, Row>, columns: [string, (r: Row) => number][]): void => {
      lines.push(title, `  ${"target".padEnd(7)} ${"kind".padEnd(22)} ${"cases".padStart(5)} ${columns.map(([name]) => name.padStart(name.length)).join(" ")}`);
      const total: Row = { cases: 0, mockAgreed: 0, clientBeforeSending: 0 };
      for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
        const [target = "", kind = ""] = key.split("\t");
        lines.push(`  ${target.padEnd(7)} ${kind.padEnd(22)} ${String(row.cases).padStart(5)} ${columns.map(([name, get]) => String(get(row)).padStart(name.length)).join(" ")}`);
        total.cases += row.cases;
        total.mockAgreed += row.mockAgreed;
        total.clientBeforeSending += row.clientBeforeSending;
      }
      lines.push(`  ${"total".padEnd(30)} ${String(total.cases).padStart(5)} ${columns.map(([name, get]) => String(get(total)).padStart(name.length)).join(" ")}`);
    };
    section("Negative request cases (must be refused)", this.negativeRows, [
      ["refused by mock", (r) => r.mockAgreed],
      ["refused by client before sending", (r) => r.clientBeforeSending],
    ]);
    section("Valid request cases (must be accepted)", this.validRows, [["accepted by mock", (r) => r.mockAgreed]]);
    return lines.join("\n");
  }
}

/** Counts the code samples the contract suite proved: run against the mock, or checked for shape. */
export class SampleTally {
  private curl = 0;
  private typescript = 0;
  private digest = 0;

  curlExecuted(): void {
    this.curl++;
  }

  typescriptExecuted(): void {
    this.typescript++;
  }

  digestExecuted(): void {
    this.digest++;
  }

  line(): string {
    return `Code samples: ${this.curl} curl, ${this.typescript} TypeScript and ${this.digest} digest (API key) curl samples executed against the mock`;
  }
}
