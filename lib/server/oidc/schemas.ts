import "server-only";
/** Inputs of an organisation's own OpenID Connect configuration (issue 15). */
import { z } from "zod";
import { safeString } from "../validation";

/** The issuer: an https address without credentials, query or fragment; a trailing slash is dropped. */
const issuer = z
  .string()
  .trim()
  .max(500)
  .refine((u) => {
    try {
      const parsed = new URL(u);
      return parsed.protocol === "https:" && !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
    } catch {
      return false;
    }
  }, "an https address such as https://login.microsoftonline.com/<tenant>/v2.0")
  .transform((u) => u.replace(/\/+$/, ""));

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "nordlys.no, nordlys.example" (commas, spaces or lines) → lower-cased, unique, each a domain name. */
const domains = z
  .string()
  .max(2000)
  .transform((text) => [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().regex(DOMAIN, "a domain such as nordlys.no")).max(50));

export const SaveOrganizationOidcSchema = z
  .object({
    organizationId: z.uuid(),
    displayName: safeString().trim().min(1).max(100),
    issuer,
    clientId: safeString().trim().min(1).max(300),
    /** The client secret; empty = keep the stored one (required the first time). */
    clientSecret: safeString().trim().max(1000).default(""),
    entraId: z.boolean(),
    entraTenantId: z.string().trim().max(100).default(""),
    verifiedDomains: domains.default([]),
  })
  .superRefine((v, issue) => {
    if (!v.entraId) return;
    if (!z.uuid().safeParse(v.entraTenantId).success) issue.addIssue({ code: "custom", path: ["entraTenantId"], message: "the directory (tenant) id, a GUID" });
    if (v.verifiedDomains.length === 0) issue.addIssue({ code: "custom", path: ["verifiedDomains"], message: "at least one verified domain of the tenant" });
  });
export type SaveOrganizationOidcInput = z.input<typeof SaveOrganizationOidcSchema>;

export const OrganizationOidcIdSchema = z.object({ organizationId: z.uuid() });
export type OrganizationOidcIdInput = z.input<typeof OrganizationOidcIdSchema>;
