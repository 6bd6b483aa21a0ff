import "server-only";
import { z } from "zod";
import { safeString } from "../../validation";
import { SupportLineSchema } from "../schemas";

export const SavedViewNameSchema = safeString().trim().min(1, "give the view a name").max(60);

export const CreateSavedViewSchema = z.object({
  name: SavedViewNameSchema,
  /** The /arbeid query string (with or without "?"); only what the queue reads is kept. */
  query: safeString().max(1000),
  /** Shared with this line's agents; absent: the creator's own. */
  line: SupportLineSchema.optional(),
});
export type CreateSavedViewInput = z.input<typeof CreateSavedViewSchema>;

export interface SavedViewView {
  id: string;
  name: string;
  /** The query string to open it with: `/arbeid?${query}`. */
  query: string;
  /** The line it is shared with; null for the owner's own. */
  line: "L1" | "L2" | "L3" | null;
  /** Whether the reader may delete it. */
  deletable: boolean;
}

/** A person keeps at most this many views of their own; a line at most this many shared. */
export const MAX_SAVED_VIEWS = 30;
