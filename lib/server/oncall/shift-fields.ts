import "server-only";
/** What the rota editor's shift use cases share (issue 18): the fields of a shift they read, and a shift as the audit log shows it. */

export const SHIFT = { id: true, userId: true, position: true, startsAt: true, endsAt: true, kind: true, patternId: true } as const;
export const shown = (s: { userId: string; position: number; startsAt: Date; endsAt: Date; kind?: string }) => ({
  userId: s.userId,
  position: s.position,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  kind: s.kind,
});
