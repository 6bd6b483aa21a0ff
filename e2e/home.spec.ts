import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";

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

test("the health endpoint is green; anonymous callers get only the status, a provider admin the details", async ({ page }) => {
  const anonymous = await page.request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok" });

  await signIn(page, "admin@servicedesk.example");
  const response = await page.request.get("/api/health");
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
