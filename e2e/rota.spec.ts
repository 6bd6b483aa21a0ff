import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { mondayOf, startOfLocalDate, WEEK_MS } from "../lib/sla/rota-pattern";
import { utcDateTime } from "../lib/sla/icalendar";
import { formatDate } from "../lib/i18n/format";
import { TIME_ZONE } from "../lib/config/time-zone";
import { serverNow } from "./support/instants";

/**
 * The provider admin keeps the on-call rota in the browser (issue 18), with two on-call people of
 * this run's own: a two-week pattern eleven weeks ahead (past the demo rota's eight weeks, so
 * nothing else is on call then), its shifts, a one-off override, the week before it shown as a gap
 * in red, deleting the override after confirming, a swap, and a calendar link whose feed has the shifts.
 * Nothing asserted depends on the hour or the weekday the test runs.
 */
const run = randomUUID().slice(0, 8);
const prisma = createPrisma(undefined, 2);
test.afterAll(() => prisma.$disconnect());

/** "man. 22. feb. 2027" as the editor writes a date `days` after a local date (the year shown when it is not the server's year at `now`). */
const dayLabel = (isoDate: string, days: number, now: Date) => formatDate(new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000), now, "nb");
const dayBefore = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

test("a provider admin makes a weekly pattern, sees its shifts, puts in an override, sees a gap in red, and gets a calendar link", async ({ page }) => {
  test.setTimeout(120_000);
  const provider = await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } });
  const vilde = `Vilde ${run}`;
  const lise = `Lise ${run}`;
  for (const [name, local] of [
    [vilde, "vilde"],
    [lise, "lise"],
  ] as const)
    await prisma.user.create({ data: { email: `${local}-${run}@servicedesk.example`, name, role: "ONCALL", organizationId: provider.id } });
  // The running server rolls the rota ROLL_WEEKS (12) ahead of its own clock, so the spec's week is
  // counted from that clock: the Monday 11 weeks on, whatever the day and hour today. Every expected
  // instant below is derived from that Monday in TIME_ZONE (23- and 25-hour days included).
  const now = serverNow();
  const monday = mondayOf(new Date(now.getTime() + 11 * WEEK_MS), TIME_ZONE);
  // This run's audit rows: those after the last one written before it.
  const auditBefore = (await prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const weekBefore = dayBefore(monday, 7);

  await signIn(page, "admin@servicedesk.example");
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: /^Vaktliste/ })).toHaveAttribute("href", "/admin/vakt");
  await page.goto("/admin/vakt");
  await expect(page.getByRole("heading", { level: 1, name: "Vaktliste" })).toBeVisible();

  // A new pattern: week A Vilde (Lise backup), week B Lise, around the clock. First on a Tuesday: refused, nothing typed lost.
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Nytt ukemønster" }) });
  await form.getByLabel("Navn").fill(`Mønster ${run}`);
  await form.getByLabel("Første mandag (uke A)").fill(dayBefore(monday, -1));
  await form.getByLabel("Vakttider").selectOption("ALWAYS");
  await form.getByLabel("Uke A: Primærvakt").selectOption({ label: vilde });
  await form.getByLabel("Uke A: Reserve").selectOption({ label: lise });
  await form.getByLabel("Uke B: Primærvakt").selectOption({ label: lise });
  await form.getByRole("button", { name: "Lagre mønsteret" }).click();
  await expect(form.getByText("Velg en mandag.")).toBeVisible();
  await expect(form.getByLabel("Uke B: Primærvakt")).toHaveValue(/[0-9a-f-]{36}/);
  expect(await prisma.onCallPattern.count({ where: { name: `Mønster ${run}` } })).toBe(0);

  await form.getByLabel("Første mandag (uke A)").fill(monday);
  await form.getByRole("button", { name: "Lagre mønsteret" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/vakt\\?done=created&fra=${monday}$`));
  await expect(page.getByRole("status").filter({ hasText: "Mønsteret er lagret" })).toBeVisible();

  // Four weeks from that Monday: Vilde primary every day of weeks A and C, Lise every day, no gaps.
  const shifts = page.getByTestId("rota-shift");
  await expect(shifts.filter({ hasText: vilde })).toHaveCount(14);
  await expect(shifts.filter({ hasText: lise })).toHaveCount(28);
  await expect(shifts.first()).toContainText(vilde);
  await expect(shifts.first()).toContainText("Primærvakt");
  await expect(shifts.first()).toContainText("Ukemønster");
  await expect(page.getByTestId("rota-gap")).toHaveCount(0);
  await expect(page.getByText("Ingen hull i perioden.")).toBeVisible();

  // Lise covers 17:00–19:00 on the first Monday as primary: Vilde's day is cut around it.
  const override = page.locator("section", { has: page.getByRole("heading", { name: "Noen dekker en periode" }) });
  await override.getByLabel("Person").selectOption({ label: lise });
  await override.getByLabel("Fra").fill(`${monday}T17:00`);
  await override.getByLabel("Til").fill(`${monday}T19:00`);
  await override.getByRole("button", { name: "Sett inn vakten" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vakten er satt inn." })).toBeVisible();
  const covering = shifts.filter({ hasText: "Overstyring" });
  await expect(covering).toHaveCount(1);
  await expect(covering).toContainText(lise);
  await expect(covering).toContainText("17:00–19:00");
  await expect(shifts.filter({ hasText: vilde })).toHaveCount(15);
  await page.screenshot({ path: "e2e/screenshots/admin-rota.png", fullPage: true });

  // The week before the pattern has nobody: shown as a gap, in red.
  await page.goto(`/admin/vakt?fra=${weekBefore}`);
  const gap = page.getByTestId("rota-gap").first();
  await expect(gap).toBeVisible();
  await expect(gap).toContainText("Hull: ingen primærvakt");
  await expect(gap).toHaveClass(/bg-red-50/);
  await expect(gap.locator("time")).toHaveAttribute("datetime", startOfLocalDate(weekBefore, TIME_ZONE).toISOString());
  await expect(page.getByRole("alert").filter({ hasText: /hull i perioden/ })).toBeVisible();

  // Deleting the override asks first; then Vilde has the whole day again.
  await page.goto(`/admin/vakt?fra=${monday}`);
  await page.getByRole("button", { name: new RegExp(`Slett vakten til ${lise}`) }).click();
  const dialog = page.getByRole("dialog", { name: "Slette vakten?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Slett" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vakten er slettet." })).toBeVisible();
  await expect(shifts.filter({ hasText: "Overstyring" })).toHaveCount(0);
  await expect(shifts.filter({ hasText: vilde })).toHaveCount(14);

  // Vilde's first Monday and Lise's Monday of week B swap: both become overrides.
  const swap = page.locator("section", { has: page.getByRole("heading", { name: "Bytt to vakter" }) });
  const optionValue = (select: string, text: string) => swap.locator(`${select} option`, { hasText: text }).first().getAttribute("value");
  const vildeMonday = await optionValue("#swap-first", `${vilde} (Primærvakt)`);
  const liseMonday = await optionValue("#swap-second", `${dayLabel(monday, 7, now)} 00:00–24:00 · ${lise} (Primærvakt)`);
  await swap.getByLabel("Vakt", { exact: true }).selectOption(vildeMonday!);
  await swap.getByLabel("Bytt med").selectOption(liseMonday!);
  await swap.getByRole("button", { name: "Bytt vaktene" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vaktene er byttet." })).toBeVisible();
  const swapped = shifts.filter({ hasText: "Overstyring" });
  await expect(swapped).toHaveCount(2);
  await expect(swapped.first()).toContainText(lise);
  await expect(swapped.last()).toContainText(vilde);
  await expect(shifts.filter({ hasText: vilde })).toHaveCount(14);

  // A calendar link for Vilde, shown once; its feed has her shifts, a wrong token is a 404.
  const calendar = page.locator("section", { has: page.getByRole("heading", { name: "Lag kalenderlenke" }) });
  await calendar.getByLabel("Person").selectOption({ label: vilde });
  await calendar.getByRole("button", { name: "Lag kalenderlenke" }).click();
  const link = (await page.getByTestId("calendar-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await page.request.get(link);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const text = await feed.text();
  // Her Tuesday of week A, and the Monday of week B she swapped to; not the first Monday she gave away.
  expect(text).toContain(`DTSTART:${utcDateTime(startOfLocalDate(dayBefore(monday, -1), TIME_ZONE))}`);
  expect(text).toContain(`DTSTART:${utcDateTime(startOfLocalDate(dayBefore(monday, -7), TIME_ZONE))}`);
  expect(text).not.toContain(`DTSTART:${utcDateTime(startOfLocalDate(monday, TIME_ZONE))}`);
  expect(text).toContain("SUMMARY:Primærvakt");
  expect(text).not.toContain("SUMMARY:Reservevakt");
  expect((await page.request.get(link.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${"x".repeat(43)}.ics`))).status()).toBe(404);

  const actions = await prisma.auditLog.findMany({
    where: { actorEmail: "admin@servicedesk.example", action: { startsWith: "oncall." }, id: { gt: auditBefore } },
    select: { action: true },
  });
  expect(new Set(actions.map((a) => a.action))).toEqual(new Set(["oncall.pattern.create", "oncall.override", "oncall.shift.delete", "oncall.swap", "oncall.calendar_link"]));
});
