import { describe, expect, it } from "vitest";
import { subjectReferences } from "./thread";

describe("subjectReferences", () => {
  it("finds ticket references in square brackets, in order", () => {
    expect(subjectReferences("SV: [NL-2026-000123] Skriveren")).toEqual(["NL-2026-000123"]);
    expect(subjectReferences("Re: [nl-2026-000123] og [FV-2025-1234567]")).toEqual(["NL-2026-000123", "FV-2025-1234567"]);
  });

  it("ignores a reference without brackets or of another shape", () => {
    expect(subjectReferences("NL-2026-000123 Skriveren")).toEqual([]);
    expect(subjectReferences("[NL-26-000123] [Nettverk]")).toEqual([]);
  });
});
