import { expect, test } from "./support/test";

test("the home page renders the product and the response targets per priority", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Helpdesk" })).toBeVisible();
  const priorities = page.getByRole("list", { name: "Prioriteter og responstid" });
  await expect(priorities.getByRole("listitem")).toHaveCount(4);
  await expect(priorities).toContainText("P1");
  await expect(priorities.getByRole("listitem").first()).toContainText("Kritisk");
  await expect(priorities.getByRole("listitem").first()).toContainText("innen 1 time");
  await expect(priorities.getByRole("listitem").last()).toContainText("innen 8 timer");
  await page.screenshot({ path: "e2e/screenshots/home.png", fullPage: true });
});

test("the health endpoint is green: database migrated, Redis reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health.status).toBe("ok");
  expect(health.database.ok).toBe(true);
  expect(health.database.migration).toMatch(/^\d{14}_/);
  expect(health.redis.ok).toBe(true);
});

test("the status link on the home page leads to the health report", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Systemstatus" }).click();
  await expect(page).toHaveURL(/\/api\/health$/);
  await expect(page.locator("body")).toContainText('"status":"ok"');
});
