import "server-only";
/** What the rota editor shows (issue 18): the patterns, the people, and GAP_WEEKS weeks of shifts and gaps from a chosen instant. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { expandPatterns, GAP_WEEKS, ROLL_WEEKS, WEEK_MS, withoutHeldPeriods, type Gap, type PatternWeek, type RotaHours } from "../../sla/rota-pattern";
import { TIME_ZONE } from "../../config/time-zone";
import { loadPatterns } from "./roll-rota";
import { PatternWeeksSchema } from "./rota-schemas";
import { rotaGaps } from "./rota-gaps";
import { rotaPeople, type RotaPerson } from "./rota-people";

export interface PatternView {
  id: string;
  name: string;
  startsOn: string;
  hours: "VAKTTELEFON" | "ALWAYS";
  weeks: PatternWeek[];
}

export interface RotaShiftView {
  id: string;
  userId: string;
  userName: string;
  active: boolean;
  position: number;
  startsAt: Date;
  endsAt: Date;
  kind: "MANUAL" | "PATTERN" | "OVERRIDE";
  /** Beyond the roll-forward's horizon: what the patterns will lay, not stored yet (no id of its own). */
  planned: boolean;
}

export interface RotaView {
  from: Date;
  to: Date;
  required: RotaHours | null;
  patterns: PatternView[];
  people: RotaPerson[];
  shifts: RotaShiftView[];
  gaps: Gap[];
}

export async function getRotaView({ actor, ctx, from }: { actor: Actor; ctx: UseCaseContext; from: Date }): Promise<RotaView> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const to = new Date(from.getTime() + GAP_WEEKS * WEEK_MS);
  const horizon = new Date(ctx.now().getTime() + ROLL_WEEKS * WEEK_MS);
  const db = ctx.prisma;
  const [patterns, people, shifts] = await Promise.all([
    db.onCallPattern.findMany({ orderBy: { startsOn: "asc" }, select: { id: true, name: true, startsOn: true, hours: true, weeks: true } }),
    rotaPeople(db),
    db.onCallShift.findMany({
      where: { endsAt: { gt: from }, startsAt: { lt: to } },
      orderBy: [{ startsAt: "asc" }, { position: "asc" }, { id: "asc" }],
      select: { id: true, userId: true, position: true, startsAt: true, endsAt: true, kind: true, user: { select: { name: true, deactivatedAt: true } } },
    }),
  ]);
  const stored: RotaShiftView[] = shifts.map((s) => ({
    id: s.id,
    userId: s.userId,
    userName: s.user.name,
    active: s.user.deactivatedAt === null,
    position: s.position,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    kind: s.kind,
    planned: false,
  }));
  const planned = to > horizon ? await plannedBeyond(ctx, horizon < from ? from : horizon, to, stored, people) : [];
  const { required, gaps } = await rotaGaps(
    db,
    from,
    to,
    planned.filter((s) => s.active),
  );
  return {
    from,
    to,
    required,
    patterns: patterns.map((p) => ({
      id: p.id,
      name: p.name,
      startsOn: p.startsOn.toISOString().slice(0, 10),
      hours: p.hours === "ALWAYS" ? "ALWAYS" : "VAKTTELEFON",
      weeks: PatternWeeksSchema.parse(p.weeks),
    })),
    people,
    shifts: [...stored, ...planned].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position),
    gaps,
  };
}

/** The patterns' shifts starting in [from, to), past the roll-forward's horizon, minus the periods stored shifts of other kinds hold. */
async function plannedBeyond(ctx: UseCaseContext, from: Date, to: Date, stored: readonly RotaShiftView[], people: readonly RotaPerson[]): Promise<RotaShiftView[]> {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const held = stored.filter((s) => s.kind !== "PATTERN");
  const expanded = withoutHeldPeriods(
    expandPatterns(await loadPatterns(ctx.prisma), from, to, TIME_ZONE).filter((s) => s.startsAt >= from),
    held,
  );
  return expanded.map((s, i) => ({
    id: `planned-${i}`,
    userId: s.userId,
    userName: names.get(s.userId) ?? "?",
    active: names.has(s.userId),
    position: s.position,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    kind: "PATTERN" as const,
    planned: true,
  }));
}
