import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs, resolveTicketAs } from "./support/tickets";

test("an end user files a P2 and sees the receipt with reference, registration time and the response clock in words", async ({ page }) => {
  await page.goto("/signin");
  await page.screenshot({ path: "e2e/screenshots/signin.png", fullPage: true });
  await signIn(page, "kari@nordlys.example");
  await expect(page).toHaveURL(/\/saker$/);

  await page.getByRole("link", { name: "Ny sak" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny sak" })).toBeVisible();
  const priorities = page.getByRole("group", { name: "Prioritet" });
  await expect(priorities.getByRole("radio")).toHaveCount(4);
  await expect(priorities).toContainText("Oppretting av ny lokasjon fungerer ikke");

  await page.getByLabel("Kort beskrivelse").fill("Ny lokasjon kan ikke opprettes");
  await page.getByRole("button", { name: "Send inn saken" }).click();
  await expect(page.getByText("Må fylles ut")).toBeVisible();
  await expect(page.getByText("Velg en prioritet")).toBeVisible();
  await expect(page.getByLabel("Kort beskrivelse")).toHaveValue("Ny lokasjon kan ikke opprettes");

  await page.getByLabel("Hva har skjedd?").fill("Lagre-knappen gir en feilmelding for alle på lageret.");
  await page.getByRole("radio", { name: /P2 Høy/ }).check();
  await page.screenshot({ path: "e2e/screenshots/new-ticket.png", fullPage: true });
  await page.getByRole("button", { name: "Send inn saken" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Saken er registrert" })).toBeVisible();
  await expect(page.getByTestId("reference")).toHaveText(/^NL-\d{4}-\d{6}$/);
  // Registered through the browser, so at the wall clock's instant: the registration time is
  // today's, and the due instant is any later day, also one in the next year (a P2 filed on
  // 31 December afternoon is due in January, "man. 4. jan. 2027 09:30").
  await expect(page.getByText(/^i dag \d{2}:\d{2}$/)).toBeVisible();
  await expect(page.getByText("2 t arbeidstid")).toBeVisible();
  await expect(page.getByText(/^Feilsøking startes senest (i dag|i morgen|\S+\. \d+\. \S+( \d{4})?) \d{2}:\d{2}$/)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/receipt.png", fullPage: true });
  const reference = await page.getByTestId("reference").textContent();

  await page.getByRole("link", { name: "Til sakslisten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine saker" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Saker, nyeste først" })).toContainText(reference!);
  await page.screenshot({ path: "e2e/screenshots/my-tickets.png", fullPage: true });
});

test("the ticket page shows the conversation and the clock, takes a reply, and lets the requester reopen a solution", async ({ page }) => {
  const ticket = await registerTicketAs("kari@nordlys.example", "Rapporten viser feil tall", "P3");
  await signIn(page, "kari@nordlys.example");
  await page.goto(`/saker/${ticket.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Rapporten viser feil tall" })).toBeVisible();
  await expect(page.getByTestId("clock")).toContainText("Feilsøking startes senest");
  await page.getByLabel("Ditt svar").fill("Det gjelder også månedsrapporten.");
  await page.getByRole("button", { name: "Send svar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Svaret er sendt." })).toBeVisible();
  await expect(page.getByRole("list").filter({ hasText: "Det gjelder også månedsrapporten." })).toBeVisible();

  await resolveTicketAs("lise@servicedesk.example", ticket.id, "Tallene er rettet i rapporten.");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Er problemet løst?" })).toBeVisible();
  await expect(page.getByText("Tallene er rettet i rapporten.")).toBeVisible();
  await expect(page.getByTestId("clock")).toContainText("Feilsøking startet");
  await page.screenshot({ path: "e2e/screenshots/ticket.png", fullPage: true });
  await page.getByRole("button", { name: "Åpne saken igjen" }).click();
  await expect(page.getByText("Må fylles ut")).toBeVisible();
  await page.getByLabel("Hvorfor er problemet ikke løst?").fill("Tallene for mars er fortsatt feil.");
  await page.getByRole("button", { name: "Åpne saken igjen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saken er åpnet igjen." })).toBeVisible();
  await expect(page.getByText("Åpen", { exact: true })).toBeVisible();
});

test("a customer admin sees a colleague's ticket; another end user and another organisation's admin get 404", async ({ page }) => {
  const karis = await registerTicketAs("kari@nordlys.example", "Skriveren i resepsjonen", "P4");
  const fjordviks = await registerTicketAs("ingrid@fjordvik.example", "Fjordvik: tollpapirer", "P3");

  await signIn(page, "ola@nordlys.example");
  await expect(page.getByRole("heading", { level: 1, name: "Saker" })).toBeVisible();
  await expect(page.getByRole("link", { name: "SLA-rapport" })).toBeVisible();
  const table = page.getByRole("table", { name: "Saker, nyeste først" });
  await expect(table).toContainText(karis.reference);
  await expect(table).not.toContainText(fjordviks.reference);
  await page.getByLabel("Prioritet").selectOption("P4");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/priority=P4/);
  await expect(table).toContainText(karis.reference);
  await page.getByRole("link", { name: "Skriveren i resepsjonen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skriveren i resepsjonen" })).toBeVisible();
  expect((await page.goto(`/saker/${fjordviks.id}`))!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "per@nordlys.example");
  await expect(page.getByRole("table", { name: "Saker, nyeste først" })).toHaveCount(0);
  await expect(page.getByText("Ingen saker ennå")).toBeVisible();
  expect((await page.goto(`/saker/${karis.id}`))!.status()).toBe(404);
  expect((await page.goto(`/saker/${karis.id}/kvittering`))!.status()).toBe(404);
});

test("the language switch on the profile changes the UI to English and back", async ({ page }) => {
  await signIn(page, "per@nordlys.example");
  await page.getByRole("link", { name: /Profil: Per Hansen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Lagre språk" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("The language is saved.");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "My tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My tickets" })).toBeVisible();
  await expect(page.getByText("No tickets yet")).toBeVisible();

  await page.goto("/profile");
  await page.getByRole("radio", { name: "Norsk (bokmål)" }).check();
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("link", { name: "Mine saker" })).toBeVisible();
});
