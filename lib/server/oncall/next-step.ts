import "server-only";
/**
 * Who gets the next notice of an unacknowledged page (pure). A person gets `noticesPerPerson`
 * notices, then the next person in the chain; past the end of the chain (or with nobody on call)
 * the provider admins and 1st-line leads are paged together ("fallback"); after a fallback notice
 * the chain starts again from its first person, if anyone is on call by then.
 */
export type PageStep = { kind: "person"; userId: string } | { kind: "fallback" };

export interface Notice {
  step: PageStep;
  /** 1 for the first notice to this person (or to the fallback group) in a row. */
  notice: number;
}

export const firstStep = (chain: readonly string[]): PageStep => (chain[0] ? { kind: "person", userId: chain[0] } : { kind: "fallback" });

export function nextNotice({ current, chain, noticesPerPerson }: { current: Notice; chain: readonly string[]; noticesPerPerson: number }): Notice {
  const { step, notice } = current;
  if (step.kind === "fallback") {
    return chain.length > 0 ? { step: firstStep(chain), notice: 1 } : { step, notice: notice + 1 };
  }
  if (notice < noticesPerPerson) return { step, notice: notice + 1 };
  const index = chain.indexOf(step.userId);
  const next = index < 0 ? chain[0] : chain[index + 1];
  return next !== undefined && next !== step.userId ? { step: { kind: "person", userId: next }, notice: 1 } : { step: { kind: "fallback" }, notice: 1 };
}
