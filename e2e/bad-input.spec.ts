/** Lists asked for with a garbage cursor or a NUL in the search show the error, never a 500 (issue 14). */
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";

const MESSAGE = /Listen kan ikke vises med disse verdiene/;

test("the queue shows the error for a garbage cursor and a NUL in the search", async ({ page }) => {
  await signIn(page, "lise@servicedesk.example");
  for (const path of ["/arbeid?cursor=garbage", "/arbeid?q=%00", "/arbeid?q=%ED%A0%80x%00"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: MESSAGE }), path).toBeVisible();
  }
});

test("the customer's ticket list shows the error for a garbage cursor", async ({ page }) => {
  await signIn(page, "ola@nordlys.example");
  for (const path of ["/saker?cursor=garbage", "/saker?cursor=%00"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: MESSAGE }), path).toBeVisible();
  }
});
