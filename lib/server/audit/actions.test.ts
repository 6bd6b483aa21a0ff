import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { areas } from "../../i18n/messages";
import { translator } from "../../i18n/t";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, auditActionLabel, auditTargetLabel } from "./actions";

/**
 * writeAudit's `action` is typed AuditAction and the labels' catalogue is typed by it, so an
 * unlabelled action already fails type-checking. This test also reads the source: every action
 * code written anywhere (writeAudit's callers in lib/ and app/, and the SQL functions in the
 * migrations) is in AUDIT_ACTIONS and has a non-empty label, different from the code, in both
 * languages.
 */
const repo = fileURLToPath(new URL("../../../", import.meta.url));

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : files(path, pattern);
    return pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The action codes in the source: `action: "x"` and `action: cond ? "x" : "y"` in files that call writeAudit; `action` values inserted into "AuditLog" by SQL. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of [...files(join(repo, "lib"), /\.tsx?$/), ...files(join(repo, "app"), /\.tsx?$/)]) {
    const source = readFileSync(file, "utf8");
    if (!source.includes("writeAudit(")) continue;
    for (const m of source.matchAll(/\baction:\s*([^,\n}]+)/g)) for (const code of m[1]!.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) found.add(code[1]!);
  }
  for (const file of files(join(repo, "prisma", "migrations"), /\.sql$/)) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/INSERT INTO "AuditLog"[^;]*?VALUES\s*\(([^;]*)/g)) for (const code of m[1]!.matchAll(/'{1,2}([a-z_]+(?:\.[a-z_]+)+)'{1,2}/g)) found.add(code[1]!);
  }
  return [...found].sort();
}

describe("audit action labels", () => {
  it("finds the action codes written in the source, and each is a known action", () => {
    const written = writtenActions();
    expect(written).toEqual(expect.arrayContaining(["token.create", "organization.oidc.disable", "auth.sign_in_failed", "user.reinvite", "person.erase"]));
    expect(written.filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
  });

  it("labels every action and target type in Norwegian and English", () => {
    for (const locale of ["nb", "en"] as const) {
      const t = translator(locale);
      for (const code of AUDIT_ACTIONS) {
        expect(areas.auditActions[locale][`action.${code}`], `${locale} ${code}`).toBeTruthy();
        expect(auditActionLabel(t, code)).not.toBe(code);
      }
      for (const type of AUDIT_TARGET_TYPES) expect(auditTargetLabel(t, type)).toBe(areas.auditActions[locale][`target.${type}`]);
    }
    expect(auditActionLabel(translator("nb"), "token.create")).toBe("Opprettet API-nøkkel");
    expect(auditActionLabel(translator("en"), "token.create")).toBe("Created API token");
  });

  it("shows an unknown code as itself and an old lower-case target type with its label", () => {
    expect(auditActionLabel(translator("en"), "something.else")).toBe("something.else");
    expect(auditTargetLabel(translator("en"), "user")).toBe("User");
    expect(auditTargetLabel(translator("nb"), "Widget")).toBe("Widget");
  });
});
