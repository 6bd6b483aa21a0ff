import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";

test("a provider admin sees the workers, the queues and a dead notification, and sends it again", async ({ page }) => {
  const prisma = createPrisma(undefined, 2);
  try {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@servicedesk.example" }, select: { id: true } });
    await prisma.notification.create({
      data: {
        channel: "EMAIL",
        template: "sla-breach",
        recipientUserId: admin.id,
        status: "DEAD",
        attempts: 8,
        lastError: "550 Mailbox unavailable (e2e)",
        // A whole breach notice, so that the retry below really sends it (an empty one would die again on its payload).
        payload: { reference: "E2E-1", title: "Dead letter (e2e)", priority: "P1", dueAt: "2026-03-02T10:00:00.000Z", breachedAt: "2026-03-02T10:00:01.000Z" },
      },
    });
    await signIn(page, "admin@servicedesk.example");
    await page.goto("/admin/workers");
    await expect(page.getByRole("heading", { level: 1, name: "Arbeidsprosesser og varsler" })).toBeVisible();
    await expect(page.getByRole("row", { name: /sla-timers/ })).toBeVisible();
    const deadRow = page.getByRole("row", { name: /550 Mailbox unavailable \(e2e\)/ });
    await expect(deadRow).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/admin-workers.png", fullPage: true });

    await deadRow.getByRole("button", { name: "Prøv igjen" }).click();
    await expect(page).toHaveURL(/retried=1/);
    await expect(page.getByRole("row", { name: /550 Mailbox unavailable \(e2e\)/ })).toHaveCount(0);
    expect((await prisma.notification.findFirstOrThrow({ where: { lastError: { contains: "(e2e)" } } })).status).toBe("PENDING");
  } finally {
    await prisma.$disconnect();
  }
});

test("the page is not there for anyone else", async ({ page }) => {
  await signIn(page, "ola@nordlys.example");
  const response = await page.goto("/admin/workers");
  expect(response?.status()).toBe(404);
});
