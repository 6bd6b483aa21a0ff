import "server-only";
/**
 * Macros (canned responses, issue 19): what a macro is as use cases take and return it. A macro is
 * personal (its owner's) or shared (no owner; kept by provider admins). Its text may hold
 * placeholders filled in when used (render-macro.ts); status, priority and line, when set, are
 * preselected in the composer.
 */
import { z } from "zod";
import { safeString } from "../validation";
import { PrioritySchema, SupportLineSchema } from "../tickets/schemas";

/** The statuses a macro may set on send: wait for the customer, or solved. */
export const MacroStatusSchema = z.enum(["WAITING_FOR_CUSTOMER", "SOLVED"]);

export const MacroInputSchema = z.object({
  /** Absent: a new macro. */
  id: z.uuid().optional(),
  scope: z.enum(["personal", "shared"]),
  title: safeString().trim().min(1).max(200),
  body: safeString().trim().min(1).max(20_000),
  status: MacroStatusSchema.nullable().default(null),
  priority: PrioritySchema.nullable().default(null),
  line: SupportLineSchema.nullable().default(null),
});
export type MacroInput = z.input<typeof MacroInputSchema>;

export interface MacroView {
  id: string;
  scope: "personal" | "shared";
  title: string;
  body: string;
  status: z.infer<typeof MacroStatusSchema> | null;
  priority: z.infer<typeof PrioritySchema> | null;
  line: z.infer<typeof SupportLineSchema> | null;
  /** Whether the actor may change or delete it. */
  editable: boolean;
}

export const macroSelect = { id: true, ownerId: true, title: true, body: true, status: true, priority: true, line: true } as const;

export function toMacroView(
  row: { id: string; ownerId: string | null; title: string; body: string; status: string | null; priority: string | null; line: string | null },
  editable: boolean,
): MacroView {
  return {
    id: row.id,
    scope: row.ownerId === null ? "shared" : "personal",
    title: row.title,
    body: row.body,
    status: MacroStatusSchema.safeParse(row.status).data ?? null,
    priority: PrioritySchema.safeParse(row.priority).data ?? null,
    line: SupportLineSchema.safeParse(row.line).data ?? null,
    editable,
  };
}
